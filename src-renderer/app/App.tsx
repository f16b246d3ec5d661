/** The workbench's root component; the library, search and reader views mount here. */
export function App() {
  return (
    <main style={{ fontFamily: 'system-ui, sans-serif', padding: '2rem' }}>
      <h1>Parallax</h1>
      <p>Your library is ready. Use the command line (parallax ingest, docs, text, search) while the workbench views are built.</p>
    </main>
  );
}
