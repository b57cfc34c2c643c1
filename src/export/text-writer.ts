/** A text file written in buffered synchronous chunks, so a large export streams in bounded memory. */
import { closeSync, openSync, writeSync } from 'node:fs';

export class TextFileWriter {
  private readonly descriptor: number;
  private buffer: string[] = [];
  private bufferedLength = 0;

  constructor(path: string) {
    this.descriptor = openSync(path, 'w');
  }

  write(text: string): void {
    this.buffer.push(text);
    this.bufferedLength += text.length;
    if (this.bufferedLength > 1 << 20) this.flush();
  }

  private flush(): void {
    if (this.buffer.length === 0) return;
    writeSync(this.descriptor, this.buffer.join(''));
    this.buffer = [];
    this.bufferedLength = 0;
  }

  close(): void {
    this.flush();
    closeSync(this.descriptor);
  }
}
