export default async function globalTeardown() {
  const { tearDownTestDatabase } = await import('./test-database.ts');
  await tearDownTestDatabase();
}
