import type { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";

type Factory = PrismaBetterSQLite3;
type Adapter = Awaited<ReturnType<Factory["connect"]>>;
type Transaction = Awaited<ReturnType<Adapter["startTransaction"]>>;

// Transactions here last milliseconds (each statement runs synchronously); minutes of queued work
// would be needed to wait this long.
const LOCK_WAIT_MS = 30_000;

/**
 * Prisma's better-sqlite3 adapter runs every query on one connection and locks it only against
 * other transactions: a query made outside a transaction while one is open (another request's
 * autosave while an approval's transaction runs) executes inside that transaction, sees its
 * uncommitted rows, and is rolled back with it although its caller was told it succeeded.
 * This wraps the adapter so that nothing runs on the connection while a transaction is open
 * other than that transaction's own statements: the rest waits for its commit or rollback, as
 * with SQLite's own lock between connections. better-sqlite3 runs each statement synchronously,
 * so the wait costs nothing but the transaction's own length. (Decision 0018.)
 */
export function oneAtATime(factory: Factory, lockWaitMs = LOCK_WAIT_MS): Factory {
  return overriding(factory, { connect: async () => serialized(await factory.connect(), lockWaitMs) });
}

function serialized(adapter: Adapter, lockWaitMs: number): Adapter {
  const lock = new ConnectionLock();
  return overriding(adapter, {
    queryRaw: (query) => lock.run(() => adapter.queryRaw(query), lockWaitMs),
    executeRaw: (query) => lock.run(() => adapter.executeRaw(query), lockWaitMs),
    executeScript: (script) => lock.run(() => adapter.executeScript(script), lockWaitMs),
    startTransaction: async (isolationLevel) => {
      const release = await lock.acquire();
      try {
        return untilEnded(await adapter.startTransaction(isolationLevel), release);
      } catch (error) {
        release();
        throw error;
      }
    },
  });
}

/** The transaction, giving the connection back once it is committed or rolled back. */
function untilEnded(transaction: Transaction, release: () => void): Transaction {
  return overriding(transaction, {
    commit: () => transaction.commit().finally(release),
    rollback: () => transaction.rollback().finally(release),
  });
}

/**
 * `target` with some methods replaced; every other method runs on `target` itself (Prisma's
 * classes keep private fields, which only their own instances may read).
 */
function overriding<T extends object>(target: T, overrides: Partial<T>): T {
  return new Proxy(target, {
    get(object, property) {
      if (Object.hasOwn(overrides, property)) return overrides[property as keyof T];
      const value: unknown = Reflect.get(object, property, object);
      return typeof value === "function" ? (value as (...args: unknown[]) => unknown).bind(object) : value;
    },
  });
}

/** A first-come, first-served lock: `acquire` resolves to its own release. */
class ConnectionLock {
  private tail: Promise<void> = Promise.resolve();

  acquire(): Promise<() => void> {
    let release!: () => void;
    // A promise resolves once: calling the release again does nothing.
    const released = new Promise<void>((resolve) => (release = resolve));
    const turn = this.tail.then(() => release);
    this.tail = this.tail.then(() => released);
    return turn;
  }

  /**
   * `work` when the connection is free. A query that waits longer than `waitMs` fails with a clear
   * error instead of waiting for ever: it would be a query made with the client, not with `tx`,
   * inside a transaction's own callback, which can only end once that query has run.
   */
  async run<T>(work: () => Promise<T>, waitMs: number): Promise<T> {
    const turn = this.acquire();
    let timer: NodeJS.Timeout | undefined;
    const release = await Promise.race([
      turn,
      new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), waitMs))),
    ]);
    clearTimeout(timer);
    if (!release) {
      void turn.then((giveBack) => giveBack());
      throw new Error(
        `SQLite: a query waited over ${waitMs / 1000} s for a transaction to end (a query inside a transaction's callback made without its tx?)`,
      );
    }
    try {
      return await work();
    } finally {
      release();
    }
  }
}
