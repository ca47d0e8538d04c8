/** The features' UTF-8 bytes of a batch, built without Node's Buffer so it runs in the browser too. */

/** UTF-8 takes at most 3 bytes per UTF-16 code unit. */
const MAX_BYTES_PER_UNIT = 3;

const utf8 = new TextEncoder();

/** A growing UTF-8 buffer, handed over whole (its ArrayBuffer can be transferred). */
export class ByteSink {
  private buffer: Uint8Array;
  used = 0;

  constructor(capacity: number) {
    this.buffer = new Uint8Array(capacity);
  }

  /** Appends `text` and returns its byte length. */
  write(text: string): number {
    const needed = this.used + text.length * MAX_BYTES_PER_UNIT;
    if (needed > this.buffer.length) {
      const grown = new Uint8Array(Math.max(needed, this.buffer.length * 2));
      grown.set(this.buffer.subarray(0, this.used));
      this.buffer = grown;
    }
    const { written } = utf8.encodeInto(text, this.buffer.subarray(this.used));
    this.used += written;
    return written;
  }

  bytes(): Uint8Array {
    return new Uint8Array(this.buffer.buffer, this.buffer.byteOffset, this.used);
  }
}
