import { deviceLabel } from './device-label.js';

describe('deviceLabel', () => {
  it('names the browser and the system', () => {
    expect(
      deviceLabel('Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0'),
    ).toBe('Firefox on Linux');
    expect(
      deviceLabel(
        'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1',
      ),
    ).toBe('Mobile Safari on iOS');
  });

  it('is null without a user agent, or for one that names no browser or system', () => {
    expect(deviceLabel(null)).toBeNull();
    expect(deviceLabel('curl/8.5.0')).toBeNull();
  });
});
