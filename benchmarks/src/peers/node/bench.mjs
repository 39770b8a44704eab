// aws-local-stepfunctions 3 wants Node 22 for Promise.withResolvers; Node 20 is what is installed.
if (!Promise.withResolvers) {
  Promise.withResolvers = function () {
    let resolve, reject;
    const promise = new Promise((res, rej) => { resolve = res; reject = rej; });
    return { promise, resolve, reject };
  };
}
import { StateMachine } from 'aws-local-stepfunctions';
import { readFileSync } from 'node:fs';

const definition = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const input = { orderId: 'o-42', quantity: 3 };

function options() {
  let priceAttempts = 0;
  return {
    overrides: {
      taskResourceLocalHandlers: {
        Price: async () => {
          if (priceAttempts++ === 0) {
            const e = new Error('try again');
            e.name = 'PriceServiceBusy';
            throw e;
          }
          return { total: 120 };
        },
        Charge: async () => ({ paymentId: 'p-1' }),
      },
      // The peer has no virtual clock: it would really wait a day and a second, so both are
      // overridden to 0 ms, as its README advises for tests.
      waitTimeOverrides: { Hold: 0 },
      retryIntervalOverrides: { Price: 0 },
    },
  };
}

const machine = new StateMachine(definition, { validationOptions: { checkArn: false } });

async function once() {
  const execution = machine.run(input, options());
  const out = await execution.result;
  if (out.status !== 'shipped') throw new Error('unexpected output ' + JSON.stringify(out));
}

async function measure(seconds) {
  const end = performance.now() + seconds * 1000;
  let n = 0;
  const samples = [];
  while (performance.now() < end) {
    const t0 = performance.now();
    await once();
    samples.push(performance.now() - t0);
    n++;
  }
  samples.sort((a, b) => a - b);
  return { n, perSecond: n / seconds, medianMs: samples[Math.floor(samples.length / 2)], p99Ms: samples[Math.floor(samples.length * 0.99)] };
}

for (let i = 0; i < 5; i++) await measure(1); // warm-up
const results = [];
for (let i = 0; i < 5; i++) results.push(await measure(1));
console.log(JSON.stringify(results));
