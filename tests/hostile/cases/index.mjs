// Every case of the corpus, area by area, in the order they run.
import transport from './transport.mjs';
import parsing from './parsing.mjs';
import validation from './validation.mjs';
import execution from './execution.mjs';
import paging from './paging.mjs';
import filters from './filters.mjs';
import ids from './ids.mjs';
import websocket from './websocket.mjs';
import sse from './sse.mjs';

export const cases = [...transport, ...parsing, ...validation, ...execution, ...paging, ...filters, ...ids, ...websocket, ...sse];
