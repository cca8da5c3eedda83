const { Worker } = require("worker_threads");

const shared = new Int32Array(new SharedArrayBuffer(4));
let done = 0;
for (let i = 1; i <= 4; i++) {
  const worker = new Worker(
    "const { workerData } = require('worker_threads');" +
      "Atomics.add(workerData.shared, 0, workerData.part);",
    { eval: true, workerData: { shared, part: i } },
  );
  worker.on("exit", () => {
    if (++done === 4) console.log(Atomics.load(shared, 0));
  });
}
