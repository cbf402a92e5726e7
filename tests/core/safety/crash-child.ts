// Child process of tests/core/crash.test.ts (bundled by the test so it starts in milliseconds):
// writes records continuously through the app's real openSqlite (WAL + synchronous=FULL) and
// prints each committed id on stdout *after* COMMIT returns. stdout to a pipe is synchronous on
// Linux, so a printed id was committed before the parent could read it. The parent kills this
// process with SIGKILL at random moments.
import { openSqlite, readPragmas } from '../../../electron/core/db/open';

const [file, runArg] = process.argv.slice(2);
const run = Number(runArg);
const db = openSqlite(file!);
db.exec('CREATE TABLE IF NOT EXISTS crash_log (id INTEGER PRIMARY KEY, run INTEGER NOT NULL, batch INTEGER NOT NULL, payload TEXT NOT NULL)');
const pragmas = readPragmas(db);
process.stdout.write(`ready ${pragmas.journalMode} ${pragmas.synchronous}\n`);

const insert = db.prepare('INSERT INTO crash_log (run, batch, payload) VALUES (?, ?, ?)');
let batch = 0;
const writeBatch = db.transaction((size: number) => {
  let last = 0;
  for (let i = 0; i < size; i++) last = Number(insert.run(run, batch, 'Biên bản hội nghị '.repeat(1 + ((batch + i) % 40))).lastInsertRowid);
  return last;
});
for (;;) {
  batch++;
  const size = 1 + (batch % 7); // multi-row transactions too: all or nothing
  const last = writeBatch(size);
  process.stdout.write(`${last} ${size}\n`);
}
