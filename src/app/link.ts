/** The app's permalink codec: the link kit over the registry's instruments. */
import { createLinkCodec } from '../link/codec';
import { INSTRUMENTS, type AppParams } from '../instruments/registry';

const codec = createLinkCodec<AppParams>(INSTRUMENTS);

export const DEFAULT_PARAMS: AppParams = codec.defaults;
export const parsePermalink = codec.parse;
export const applyParams = codec.apply;
export const serializePermalink = codec.serialize;
