import { createServer, type AddressInfo, type Server, type Socket } from 'node:net';
import { BSON, type Document } from 'mongodb';

const OP_REPLY = 1;
const OP_QUERY = 2004;
const OP_MSG = 2013;

/** A command as the driver sent it: its body, with any document sequence (`documents`, `updates`…) folded in. */
export interface ReceivedCommand {
  name: string;
  body: Document;
}

/**
 * A stand-in for a one-node MongoDB replica set on a loopback port, speaking the wire protocol to
 * the real driver: it records every command and answers each with the shape the driver expects
 * (hello, empty cursors, write counts), storing nothing. It proves what the adapter makes the
 * driver send (options, write concerns, what runs inside a transaction), not how a server acts.
 */
export class MongoWireStandIn {
  readonly commands: ReceivedCommand[] = [];
  /** Collections listCollections reports; `create` adds to it, and refuses a name already there. */
  readonly collections = new Set<string>();
  private readonly sockets = new Set<Socket>();
  private nextRequestId = 1;

  private constructor(private readonly server: Server) {}

  static async start(): Promise<MongoWireStandIn> {
    const server = createServer();
    const standIn = new MongoWireStandIn(server);
    server.on('connection', (socket) => standIn.serve(socket));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return standIn;
  }

  get address(): string {
    return `127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  /** A URL for `database`, connecting straight to this node. */
  url(database = 'chronicle'): string {
    return `mongodb://${this.address}/${database}?directConnection=true`;
  }

  /** The commands named `name`, in the order received. */
  named(name: string): Document[] {
    return this.commands.filter((command) => command.name === name).map((command) => command.body);
  }

  async stop(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private serve(socket: Socket): void {
    this.sockets.add(socket);
    socket.on('close', () => this.sockets.delete(socket));
    socket.on('error', () => undefined);
    let pending = Buffer.alloc(0);
    socket.on('data', (chunk: Buffer) => {
      pending = Buffer.concat([pending, chunk]);
      while (pending.length >= 4 && pending.length >= pending.readInt32LE(0)) {
        const length = pending.readInt32LE(0);
        const reply = this.answerMessage(pending.subarray(0, length));
        pending = pending.subarray(length);
        if (reply) socket.write(reply);
      }
    });
  }

  private answerMessage(message: Buffer): Buffer | undefined {
    const requestId = message.readInt32LE(4);
    const opCode = message.readInt32LE(12);
    if (opCode === OP_QUERY) {
      const nameEnd = message.indexOf(0, 20);
      const query = BSON.deserialize(message.subarray(nameEnd + 9));
      return this.frame(OP_REPLY, requestId, opReply(this.answer(query)));
    }
    if (opCode !== OP_MSG) return undefined;
    return this.frame(OP_MSG, requestId, opMsg(this.answer(readSections(message))));
  }

  private frame(opCode: number, responseTo: number, payload: Buffer): Buffer {
    const header = Buffer.alloc(16);
    header.writeInt32LE(16 + payload.length, 0);
    header.writeInt32LE(this.nextRequestId++, 4);
    header.writeInt32LE(responseTo, 8);
    header.writeInt32LE(opCode, 12);
    return Buffer.concat([header, payload]);
  }

  private answer(body: Document): Document {
    const name = Object.keys(body)[0] ?? '';
    this.commands.push({ name, body });
    switch (name) {
      case 'hello':
      case 'ismaster':
      case 'isMaster':
        return this.hello();
      case 'listCollections':
        return cursor(
          `${String(body.$db)}.$cmd.listCollections`,
          [...this.collections].map((collection) => ({ name: collection, type: 'collection' })),
        );
      case 'create':
        if (this.collections.has(String(body.create))) {
          return { ok: 0, code: 48, codeName: 'NamespaceExists', errmsg: 'Collection exists' };
        }
        this.collections.add(String(body.create));
        return { ok: 1 };
      case 'find':
      case 'aggregate':
        return cursor(`${String(body.$db)}.${String(body[name])}`, []);
      case 'insert':
        return { n: (body.documents as unknown[]).length, ok: 1 };
      case 'update': {
        const count = (body.updates as unknown[]).length;
        return { n: count, nModified: count, ok: 1 };
      }
      case 'delete':
        return { n: 0, ok: 1 };
      default:
        return { ok: 1 };
    }
  }

  private hello(): Document {
    return {
      helloOk: true,
      isWritablePrimary: true,
      ismaster: true,
      setName: 'rs0',
      setVersion: 1,
      hosts: [this.address],
      me: this.address,
      primary: this.address,
      maxBsonObjectSize: 16 * 1024 * 1024,
      maxMessageSizeBytes: 48_000_000,
      maxWriteBatchSize: 100_000,
      localTime: new Date(),
      logicalSessionTimeoutMinutes: 30,
      connectionId: 1,
      minWireVersion: 0,
      maxWireVersion: 21,
      readOnly: false,
      ok: 1,
    };
  }
}

function readSections(message: Buffer): Document {
  let offset = 20;
  let body: Document = {};
  const sequences: Record<string, Document[]> = {};
  while (offset < message.length) {
    const kind = message.readUInt8(offset);
    offset += 1;
    const size = message.readInt32LE(offset);
    if (kind === 0) {
      body = BSON.deserialize(message.subarray(offset, offset + size));
    } else {
      const nameEnd = message.indexOf(0, offset + 4);
      const identifier = message.toString('utf8', offset + 4, nameEnd);
      const documents: Document[] = [];
      for (let at = nameEnd + 1; at < offset + size; at += message.readInt32LE(at)) {
        documents.push(BSON.deserialize(message.subarray(at, at + message.readInt32LE(at))));
      }
      sequences[identifier] = documents;
    }
    offset += size;
  }
  return { ...body, ...sequences };
}

function opMsg(body: Document): Buffer {
  return Buffer.concat([Buffer.alloc(5), BSON.serialize(body)]);
}

function opReply(body: Document): Buffer {
  const fields = Buffer.alloc(20);
  fields.writeInt32LE(1, 16);
  return Buffer.concat([fields, BSON.serialize(body)]);
}

function cursor(ns: string, firstBatch: Document[]): Document {
  return { cursor: { id: BSON.Long.fromNumber(0), ns, firstBatch }, ok: 1 };
}
