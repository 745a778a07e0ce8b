// Never opened by the test: only "wirelint: Scan Workspace" reports its `prefer-end-over-destroy`.
import net from 'node:net';

export function quit(port) {
  const socket = net.connect(port, 'cache.internal');
  socket.write('QUIT\r\n');
  socket.destroy();
}
