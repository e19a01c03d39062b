/**
 * How each Parquet column becomes an Arrow column: its Arrow type, and a builder that writes a
 * decoded column chunk (parquet-pages.ts) into Arrow buffers. Values arrive as stored (unscaled
 * decimals, days, timestamps in their unit, bytes): each is converted once, here.
 *
 *   text (BYTE_ARRAY: STRING, ENUM, JSON, plain bytes), UUID  → Utf8
 *   DOUBLE, FLOAT, FLOAT16, INT64, UINT32/64, DECIMAL (any)   → Float64
 *   INT32, INT8/16, UINT8/16                                   → Int32
 *   BOOLEAN                                                    → Bool
 *   DATE                                                       → Utf8 'YYYY-MM-DD'
 *   TIMESTAMP (millis, micros, nanos), INT96                   → Utf8 'YYYY-MM-DDTHH:MM:SS.sssZ'
 *
 * With `numbersAsText` (a user's own file, whose cells are read as text like a CSV's) numbers and
 * booleans become Utf8 too, written here once per distinct value: a DECIMAL exactly with its scale
 * ('75.0' for 75.0 in DECIMAL(5,1)), an integer in full ('9007199254740993'), a floating-point
 * number as JavaScript writes it (the shortest text that reads back as it: '12.5', '75', '1e+21'),
 * a boolean as 'true' or 'false'. DuckDB then never casts a million numbers to text in each pass of
 * the checks.
 */
import { Bool, Float64, Int32, Utf8, makeData, type Data, type DataType } from 'apache-arrow';
import type { SchemaElement } from 'hyparquet';
import { parseFloat16 } from 'hyparquet/src/convert.js';
import { isValid, type DecodedChunk } from './parquet-pages';

export type FilterValue = string | number | boolean;

export interface ColumnPlan {
  name: string;
  type: DataType;
  build(chunk: DecodedChunk): Data;
  /** A test for "this stored value shows as `value`", to keep only the rows of one indicator. */
  equals(value: FilterValue): (raw: unknown) => boolean;
  /** Set when the column cannot be read: the message names the column and its type. */
  unsupported?: string;
}

type TimeUnit = 'MILLIS' | 'MICROS' | 'NANOS';

const encoder = new TextEncoder();
const lossyDecoder = new TextDecoder('utf-8', { ignoreBOM: true });
const strictDecoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

// ---- conversions of one stored value ----------------------------------------------------------

export const plainNumber = (v: unknown): number => (typeof v === 'bigint' ? Number(v) : (v as number));
const unsigned32 = (v: unknown) => (v as number) >>> 0;
const unsigned64 = (v: unknown) => Number(BigInt.asUintN(64, v as bigint));
const float16 = (v: unknown) => parseFloat16(v as Uint8Array) ?? NaN;

/** A two's complement big-endian integer, as Parquet stores DECIMAL in (fixed length) byte arrays. */
export function bigEndianInteger(bytes: Uint8Array): bigint {
  let x = 0n;
  for (const b of bytes) x = (x << 8n) | BigInt(b);
  if (bytes.length && bytes[0] & 0x80) x -= 1n << BigInt(bytes.length * 8);
  return x;
}

/** An unscaled DECIMAL (int, bigint or bytes) as exact text with its scale: 125 with scale 1 is '12.5', -5 with scale 2 '-0.05'. */
export function decimalText(scale: number): (v: unknown) => string {
  return (v) => {
    const unscaled = v instanceof Uint8Array ? bigEndianInteger(v) : BigInt(v as number | bigint);
    const digits = (unscaled < 0n ? -unscaled : unscaled).toString();
    if (scale <= 0) return (unscaled < 0n ? '-' : '') + digits + '0'.repeat(-scale);
    const padded = digits.padStart(scale + 1, '0');
    return `${unscaled < 0n ? '-' : ''}${padded.slice(0, -scale)}.${padded.slice(-scale)}`;
  };
}

/** An unscaled DECIMAL (int, bigint or bytes) as a number: 125 with scale 1 is 12.5. */
export function decimalNumber(scale: number): (v: unknown) => number {
  // Divide rather than multiply by 10 ** -scale, which is inexact (3 * 0.1 is 0.30000000000000004).
  const factor = 10 ** scale;
  return (v) => (v instanceof Uint8Array ? Number(bigEndianInteger(v)) : Number(v)) / factor;
}

function isoText(ms: number): string {
  const date = new Date(ms);
  if (Number.isNaN(date.getTime())) throw new Error(`holds a date or time out of range (${ms} ms from 1970)`);
  return date.toISOString();
}

/** Days since 1970-01-01 as 'YYYY-MM-DD'. */
export function dateText(days: unknown): string {
  const iso = isoText(Number(days) * 86_400_000);
  return iso.slice(0, iso.indexOf('T'));
}

const UNIT_PER_MS: Record<TimeUnit, bigint> = { MILLIS: 1n, MICROS: 1000n, NANOS: 1_000_000n };

/** A timestamp in `unit` since 1970 as ISO text to the millisecond, rounded down ('…T12:00:00.123Z'). */
export function timestampText(unit: TimeUnit): (v: unknown) => string {
  const per = UNIT_PER_MS[unit];
  return (v) => {
    if (typeof v !== 'bigint') return isoText(Math.floor(Number(v) / Number(per)));
    let ms = v / per;
    if (v % per < 0n) ms -= 1n;
    return isoText(Number(ms));
  };
}

/** INT96 (as hyparquet reads it: nanoseconds of the day in the low 64 bits, Julian day above) as ISO text. */
export function int96Text(v: unknown): string {
  const value = v as bigint;
  const days = (value >> 64n) - 2_440_588n; // the Julian day of 1970-01-01
  const nanos = days * 86_400_000_000_000n + (value & 0xffff_ffff_ffff_ffffn);
  return timestampText('NANOS')(nanos);
}

export function uuidText(v: unknown): string {
  const hex = Array.from(v as Uint8Array, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

// ---- numbers ----------------------------------------------------------------------------------

type NumberArray = Float64Array | Int32Array;

const isBigIntArray = (a: ArrayLike<unknown>) => a instanceof BigInt64Array || a instanceof BigUint64Array;

/** The chunk's non-null values as numbers, in order. */
function gatherNumbers<T extends NumberArray>(chunk: DecodedChunk, make: (n: number) => T, toNumber: (v: unknown) => number): T {
  const out = make(chunk.rows - chunk.nulls);
  const converted = new Map<ArrayLike<unknown>, T>();
  let k = 0;
  for (const { values, dictionary } of chunk.segments) {
    if (dictionary) {
      let entries = converted.get(dictionary);
      if (!entries) {
        entries = make(dictionary.length);
        for (let i = 0; i < dictionary.length; i++) entries[i] = toNumber(dictionary[i]);
        converted.set(dictionary, entries);
      }
      for (let i = 0; i < values.length; i++) out[k++] = entries[values[i] as number];
    } else if (toNumber === plainNumber && ArrayBuffer.isView(values) && !isBigIntArray(values)) {
      out.set(values as unknown as ArrayLike<number>, k);
      k += values.length;
    } else {
      for (let i = 0; i < values.length; i++) out[k++] = toNumber(values[i]);
    }
  }
  return out;
}

/** Non-null values spread over the rows, nulls left at zero (their validity bit says null). */
function spread<T extends NumberArray>(values: T, chunk: DecodedChunk, make: (n: number) => T): T {
  const validity = chunk.validity;
  if (!validity) return values;
  const out = make(chunk.rows);
  let k = 0;
  for (let r = 0; r < chunk.rows; r++) if (isValid(validity, r)) out[r] = values[k++];
  return out;
}

const float64s = (n: number) => new Float64Array(n);
const int32s = (n: number) => new Int32Array(n);

function buildFloat64(chunk: DecodedChunk, toNumber: (v: unknown) => number): Data {
  const data = spread(gatherNumbers(chunk, float64s, toNumber), chunk, float64s);
  return makeData({ type: new Float64(), length: chunk.rows, nullCount: chunk.nulls, data, nullBitmap: chunk.validity ?? undefined });
}

function buildInt32(chunk: DecodedChunk): Data {
  const data = spread(gatherNumbers(chunk, int32s, plainNumber), chunk, int32s);
  return makeData({ type: new Int32(), length: chunk.rows, nullCount: chunk.nulls, data, nullBitmap: chunk.validity ?? undefined });
}

function buildBool(chunk: DecodedChunk): Data {
  const data = new Uint8Array((chunk.rows + 7) >> 3);
  let r = 0;
  for (const { values, dictionary } of chunk.segments) {
    for (let i = 0; i < values.length; i++) {
      if (chunk.validity) while (!isValid(chunk.validity, r)) r++;
      if (dictionary ? dictionary[values[i] as number] : values[i]) data[r >> 3] |= 1 << (r & 7);
      r++;
    }
  }
  return makeData({ type: new Bool(), length: chunk.rows, nullCount: chunk.nulls, data, nullBitmap: chunk.validity ?? undefined });
}

// ---- text -------------------------------------------------------------------------------------

/** Valid UTF-8 as a whole, and no value starts inside a character: so each value is valid UTF-8. */
function isUtf8(data: Uint8Array, offsets: Int32Array): boolean {
  for (let i = 0; i + 1 < offsets.length; i++) {
    if (offsets[i] < offsets[i + 1] && (data[offsets[i]] & 0xc0) === 0x80) return false;
  }
  try {
    strictDecoder.decode(data);
    return true;
  } catch {
    return false;
  }
}

/**
 * Each segment's values as byte strings: dictionaries converted once, other values through
 * `toBytes` (stored text is kept as it is when `keep` is set).
 */
function byteSegments(
  chunk: DecodedChunk,
  toBytes: (v: unknown) => Uint8Array,
  keep: boolean,
): { bytes: ArrayLike<Uint8Array>; indices?: ArrayLike<unknown> }[] {
  const convert = (values: ArrayLike<unknown>) => (keep ? (values as ArrayLike<Uint8Array>) : Array.from(values, toBytes));
  const converted = new Map<ArrayLike<unknown>, ArrayLike<Uint8Array>>();
  return chunk.segments.map(({ values, dictionary }) => {
    if (!dictionary) return { bytes: convert(values) };
    let bytes = converted.get(dictionary);
    if (!bytes) converted.set(dictionary, (bytes = convert(dictionary)));
    return { bytes, indices: values };
  });
}

/** The non-null values' bytes end to end, with the offset where each starts (and the end). */
function gatherText(chunk: DecodedChunk, toBytes: (v: unknown) => Uint8Array, keep: boolean): { data: Uint8Array; offsets: Int32Array } {
  const segments = byteSegments(chunk, toBytes, keep);
  let total = 0;
  for (const { bytes, indices } of segments) {
    if (indices) for (let i = 0; i < indices.length; i++) total += bytes[indices[i] as number].length;
    else for (let i = 0; i < bytes.length; i++) total += bytes[i].length;
  }
  if (total > 0x7fffffff) throw new Error(`holds ${total} bytes of text in one row group, more than Arrow's 2 GiB`);
  const data = new Uint8Array(total);
  const offsets = new Int32Array(chunk.rows - chunk.nulls + 1);
  let at = 0;
  let k = 0;
  for (const { bytes, indices } of segments) {
    const count = indices ? indices.length : bytes.length;
    for (let i = 0; i < count; i++) {
      const value = indices ? bytes[indices[i] as number] : bytes[i];
      offsets[k++] = at;
      const length = value.length;
      // A loop beats set() for the short strings that make up most columns.
      if (length < 24) for (let j = 0; j < length; j++) data[at + j] = value[j];
      else data.set(value, at);
      at += length;
    }
  }
  offsets[k] = at;
  return { data, offsets };
}

/** Offsets per row from offsets per non-null value: a null row is an empty string at the next value's start. */
function spreadOffsets(offsets: Int32Array, chunk: DecodedChunk): Int32Array {
  const validity = chunk.validity;
  if (!validity) return offsets;
  const out = new Int32Array(chunk.rows + 1);
  let k = 0;
  for (let r = 0; r < chunk.rows; r++) {
    out[r] = offsets[k];
    if (isValid(validity, r)) k++;
  }
  out[chunk.rows] = offsets[k];
  return out;
}

/** Bytes that are not UTF-8 (a BLOB, a damaged string) are read as text with U+FFFD for each bad sequence. */
const lossyBytes = (bytes: Uint8Array) => encoder.encode(lossyDecoder.decode(bytes));

function buildUtf8(chunk: DecodedChunk, toText: ((v: unknown) => string) | undefined): Data {
  const cache = new Map<unknown, Uint8Array>();
  const toBytes = (v: unknown): Uint8Array => {
    let bytes = cache.get(v);
    if (!bytes) {
      bytes = encoder.encode((toText ?? String)(v));
      if (cache.size < 4096) cache.set(v, bytes);
    }
    return bytes;
  };
  let { data, offsets } = gatherText(chunk, toBytes, !toText);
  // Text made by toText is valid by construction; stored bytes are checked.
  if (!toText && !isUtf8(data, offsets)) ({ data, offsets } = gatherText(chunk, (v) => lossyBytes(v as Uint8Array), false));
  return makeData({
    type: new Utf8(),
    length: chunk.rows,
    nullCount: chunk.nulls,
    valueOffsets: spreadOffsets(offsets, chunk),
    data,
    nullBitmap: chunk.validity ?? undefined,
  });
}

// ---- plans ------------------------------------------------------------------------------------

function wrongFilter(name: string, holds: string, value: FilterValue): never {
  throw new Error(`column "${name}" holds ${holds}: it cannot be compared with ${JSON.stringify(value)}`);
}

const sameBytes = (a: Uint8Array, b: Uint8Array) => a.length === b.length && a.every((x, i) => x === b[i]);

/**
 * A number column written as text (`numbersAsText`): a filter may name a value as a number (as the
 * typed column's would) or as its text.
 */
function numberTextColumn(name: string, toNumber: (v: unknown) => number, toText: (v: unknown) => string): ColumnPlan {
  return {
    name,
    type: new Utf8(),
    build: (chunk) => buildUtf8(chunk, toText),
    equals: (value) => {
      if (typeof value === 'number') return (raw) => toNumber(raw) === value;
      if (typeof value === 'string') return (raw) => toText(raw) === value;
      return wrongFilter(name, 'numbers', value);
    },
  };
}

function float64Column(name: string, toNumber: (v: unknown) => number, toText?: (v: unknown) => string): ColumnPlan {
  if (toText) return numberTextColumn(name, toNumber, toText);
  return {
    name,
    type: new Float64(),
    build: (chunk) => buildFloat64(chunk, toNumber),
    equals: (value) => (typeof value === 'number' ? (raw) => toNumber(raw) === value : wrongFilter(name, 'numbers', value)),
  };
}

function int32Column(name: string, asText: boolean): ColumnPlan {
  if (asText) return numberTextColumn(name, plainNumber, String);
  return {
    name,
    type: new Int32(),
    build: buildInt32,
    equals: (value) => (typeof value === 'number' ? (raw) => raw === value : wrongFilter(name, 'numbers', value)),
  };
}

function boolColumn(name: string, asText: boolean): ColumnPlan {
  if (asText)
    return {
      name,
      type: new Utf8(),
      build: (chunk) => buildUtf8(chunk, (v) => (v ? 'true' : 'false')),
      equals: (value) => (typeof value === 'boolean' ? (raw) => Boolean(raw) === value : wrongFilter(name, 'true/false', value)),
    };
  return {
    name,
    type: new Bool(),
    build: buildBool,
    equals: (value) => (typeof value === 'boolean' ? (raw) => Boolean(raw) === value : wrongFilter(name, 'true/false', value)),
  };
}

/** Text stored as bytes (no `toText`), or values shown as text (dates, times, UUIDs). */
function textColumn(name: string, toText?: (v: unknown) => string): ColumnPlan {
  return {
    name,
    type: new Utf8(),
    build: (chunk) => buildUtf8(chunk, toText),
    equals: (value) => {
      if (typeof value !== 'string') wrongFilter(name, 'text', value);
      const target = encoder.encode(value);
      return (raw) => (raw instanceof Uint8Array && !toText ? sameBytes(raw, target) : (toText ?? String)(raw) === value);
    },
  };
}

/** "INT64 TIME", "FIXED_LEN_BYTE_ARRAY", "nested LIST": the type as a message names it. */
function describe(element: SchemaElement): string {
  if (element.num_children || element.repetition_type === 'REPEATED') {
    return `nested ${element.logical_type?.type ?? element.converted_type ?? (element.num_children ? 'STRUCT' : 'repeated field')}`;
  }
  const annotation = element.logical_type?.type ?? element.converted_type;
  return annotation ? `${element.type} ${annotation}` : String(element.type);
}

function refused(element: SchemaElement): ColumnPlan {
  const message = `column "${element.name}" has a Parquet type this app cannot read (${describe(element)})`;
  const fail = (): never => {
    throw new Error(message);
  };
  return { name: element.name, type: new Utf8(), build: fail, equals: fail, unsupported: message };
}

const REFUSED_ANNOTATIONS = new Set(['TIME', 'TIME_MILLIS', 'TIME_MICROS', 'INTERVAL', 'BSON', 'GEOMETRY', 'GEOGRAPHY', 'VARIANT']);

function timestampUnit(element: SchemaElement): TimeUnit | undefined {
  const logical = element.logical_type;
  if (logical?.type === 'TIMESTAMP') return logical.unit;
  if (element.converted_type === 'TIMESTAMP_MILLIS') return 'MILLIS';
  if (element.converted_type === 'TIMESTAMP_MICROS') return 'MICROS';
  return undefined;
}

function decimalScale(element: SchemaElement): number {
  const logical = element.logical_type;
  return element.scale ?? (logical?.type === 'DECIMAL' ? logical.scale : 0) ?? 0;
}

function isUnsigned(element: SchemaElement, bits: 32 | 64): boolean {
  const logical = element.logical_type;
  if (logical?.type === 'INTEGER') return !logical.isSigned && logical.bitWidth === bits;
  return element.converted_type === `UINT_${bits}`;
}

/** The plan for one top-level column of the file. */
export interface PlanOptions {
  /** Numbers and booleans as text (see the top of this file). */
  numbersAsText?: boolean;
}

/** Integers in full: a 64-bit one as its bigint, never rounded through a double. */
const integerText = (v: unknown) => (typeof v === 'bigint' ? v.toString() : String(v));
/** A number as JavaScript writes it: the shortest text that reads back as it. */
const numberText = (toNumber: (v: unknown) => number) => (v: unknown) => String(toNumber(v));

export function planColumn(element: SchemaElement, options: PlanOptions = {}): ColumnPlan {
  const { name, type, converted_type: converted } = element;
  const logical = element.logical_type?.type;
  const asText = options.numbersAsText === true;
  const text = (toText: (v: unknown) => string) => (asText ? toText : undefined);
  if (element.num_children || element.repetition_type === 'REPEATED') return refused(element);
  if (REFUSED_ANNOTATIONS.has(logical ?? '') || REFUSED_ANNOTATIONS.has(converted ?? '')) return refused(element);
  if (converted === 'DECIMAL' || logical === 'DECIMAL') {
    const scale = decimalScale(element);
    return type === 'INT32' || type === 'INT64' || type === 'FIXED_LEN_BYTE_ARRAY' || type === 'BYTE_ARRAY'
      ? float64Column(name, decimalNumber(scale), text(decimalText(scale)))
      : refused(element);
  }
  if ((converted === 'DATE' || logical === 'DATE') && type === 'INT32') return textColumn(name, dateText);
  const unit = timestampUnit(element);
  if (unit && type === 'INT64') return textColumn(name, timestampText(unit));
  if (type === 'INT96') return textColumn(name, int96Text);
  if (logical === 'FLOAT16' && type === 'FIXED_LEN_BYTE_ARRAY') return float64Column(name, float16, text(numberText(float16)));
  if (logical === 'UUID' && type === 'FIXED_LEN_BYTE_ARRAY') return textColumn(name, uuidText);
  switch (type) {
    case 'BOOLEAN':
      return boolColumn(name, asText);
    case 'FLOAT':
    case 'DOUBLE':
      return float64Column(name, plainNumber, text(numberText(plainNumber)));
    case 'INT64':
      return isUnsigned(element, 64)
        ? float64Column(
            name,
            unsigned64,
            text((v) => BigInt.asUintN(64, v as bigint).toString()),
          )
        : float64Column(name, plainNumber, text(integerText));
    case 'INT32':
      return isUnsigned(element, 32) ? float64Column(name, unsigned32, text(numberText(unsigned32))) : int32Column(name, asText);
    case 'BYTE_ARRAY':
      return textColumn(name);
    default:
      return refused(element);
  }
}
