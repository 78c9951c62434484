/*
 * Archive search: diacritic-folded full-text search that works from file://.
 *
 * The index is built by build_tools/search/ (see index.py for its layout). Every
 * index file is a script that calls window.__archiveShard(key, data), because
 * fetch, XHR, modules and workers are blocked for file:// pages; a query adds
 * <script> tags for the shards its words need and nothing else.
 *
 * Folding and tokenising mirror build_tools/search/fold.py and tokenize.py, and the
 * ranking mirrors reader.py; the browser tests check that both give the same output.
 * Text from the index is untrusted: it only ever reaches the page through textContent.
 *
 * Ranking (reader.RankKey): a notice must hold every word. The query's consecutive
 * words are also looked up as pair terms ("lang son"): notices where they stand side
 * by side rank above every notice where they stand apart; then, for the first notices
 * of the page, how close the words stand in one paragraph (their text is read); then
 * the typed accents (without accents: the readings the index prefers, names and
 * widespread phrases); then whole words over completions; then BM25. Only the word
 * being typed is completed; a finished query (trailing space, Enter, a shared URL:
 * prefix false) ranks whole words, and spacing never changes results.
 *
 * API: window.archiveSearch.query(text, filters) → Promise<[{url, href, title,
 * province, date, number, doc_type, issuer, score, snippet, highlights, anchor}]>,
 * best first; the array also carries total, totalExact and more.
 * filters: {province, year, from, to, doc_type, measure, issuer} plus options
 * limit (default 20) and prefix (default true: the last word is still being typed).
 * highlights are [start, end] offsets into snippet (original accented text).
 */
(function () {
  'use strict';
  if (window.archiveSearch) return;

  var script = document.currentScript;
  var ROOT = new URL('../../', script ? script.src : document.baseURI).href;
  var INDEX = ROOT + 'search/';
  var SEARCH_PARAMS = ['province', 'year', 'from', 'to', 'doc_type', 'measure', 'issuer'];

  /* ---- folding (fold.py) ------------------------------------------------- */

  var MARKS = /\p{M}/gu;
  var D_LETTERS = 'đĐÐð';

  function codePoints(text) { return Array.from(text).length; }

  function foldChar(ch) {
    if (D_LETTERS.indexOf(ch) >= 0) return 'd';
    var lower = ch.toLowerCase();
    var stripped = lower.normalize('NFD').replace(MARKS, '');
    if (codePoints(stripped) === 1 && stripped.length === ch.length) return stripped;
    return (codePoints(lower) === 1 && lower.length === ch.length) ? lower : ch;
  }

  function lowerChar(ch) {
    var lower = ch.toLowerCase();
    return (codePoints(lower) === 1 && lower.length === ch.length) ? lower : ch;
  }

  // Per UTF-16 unit, the unit it maps to plus one (0: not computed yet), filled on first sight.
  var FOLD_TABLE = new Uint16Array(0x10000);
  var LOWER_TABLE = new Uint16Array(0x10000);
  var UTF16 = new TextDecoder('utf-16le');

  /** Apply a one-character rule to every character; the result has the same UTF-16 length. */
  function mapChars(text, rule, table) {
    var source = text.normalize('NFC');
    var out = new Uint16Array(source.length);
    for (var i = 0; i < source.length; i++) {
      var code = source.charCodeAt(i);
      if (code >= 0xD800 && code <= 0xDBFF && i + 1 < source.length) {
        var low = source.charCodeAt(i + 1);
        if (low >= 0xDC00 && low <= 0xDFFF) {
          var pair = rule(source.slice(i, i + 2));  // rare: astral letters, computed each time
          out[i] = pair.charCodeAt(0);
          out[i + 1] = pair.charCodeAt(1);
          i++;
          continue;
        }
      }
      var mapped = table[code];
      if (mapped === 0) {
        mapped = rule(String.fromCharCode(code)).charCodeAt(0) + 1;
        table[code] = mapped;
      }
      out[i] = mapped - 1;
    }
    return UTF16.decode(out);
  }

  /** NFC, lowercase, đ/Đ/Ð → d, diacritics dropped; same length as the NFC text. */
  function fold(text) { return mapChars(text, foldChar, FOLD_TABLE); }
  function lowerSameLength(text) { return mapChars(text, lowerChar, LOWER_TABLE); }
  function hasDiacritics(word) { return fold(word) !== lowerSameLength(word); }

  /* ---- tokens and queries (tokenize.py) ---------------------------------- */

  var MAX_TERM_LENGTH = 40;
  var WORD = /[\p{L}\p{N}]+/gu;
  var COMPOUND = /[\p{L}\p{N}]+(?:[\/-][\p{L}\p{N}]+)*/gu;
  var JOINERS = /[\/-]/;

  function isNumber(compound) {
    return compound.indexOf('/') >= 0 && compound[0] >= '0' && compound[0] <= '9';
  }

  function compounds(text) { return text.match(COMPOUND) || []; }

  function termLength(term) { return codePoints(term) <= MAX_TERM_LENGTH; }

  /** Folded terms in order, numbers before their words (tokenize.tokens). */
  function tokens(text) {
    var out = [];
    compounds(fold(text)).forEach(function (compound) {
      if (isNumber(compound)) out.push(compound);
      out.push.apply(out, compound.split(JOINERS));
    });
    return out.filter(termLength);
  }

  function wordSequence(text) { return fold(text).match(WORD) || []; }

  // Two words form a pair when only spaces, "-" or "/" stand between them (tokenize.PAIR_GAP).
  var PAIR_GAP = /^[\s\/-]*$/;

  function isPair(term) { return term.indexOf(' ') >= 0; }

  /** Words of text[start, end) with their offsets; a document number stays whole outside quotes. */
  function queryWords(text, start, end, numbersWhole) {
    var words = [];
    var segment = text.slice(start, end);
    COMPOUND.lastIndex = 0;
    var m;
    while ((m = COMPOUND.exec(segment)) !== null) {
      var compound = m[0];
      var at = start + m.index;
      if (numbersWhole && isNumber(compound)) {
        if (termLength(compound)) words.push({word: {term: fold(compound), form: compound, prefix: false}, start: at, end: at + compound.length, pairable: false});
        continue;
      }
      compound.split(JOINERS).forEach(function (part) {
        if (termLength(part)) words.push({word: {term: fold(part), form: part, prefix: false}, start: at, end: at + part.length, pairable: true});
        at += part.length + 1;
      });
    }
    return words;
  }

  function pairWord(first, second) {
    return {term: first.term + ' ' + second.term, form: first.form + ' ' + second.form, prefix: second.prefix};
  }

  function unique(words) {
    var byTerm = new Map();
    words.forEach(function (word) {
      var kept = byTerm.get(word.term);
      if (!kept || (kept.prefix && !word.prefix)) byTerm.set(word.term, word);
    });
    return Array.from(byTerm.values());
  }

  /**
   * Required words, "quoted phrases" and adjacent pairs; the last word is a prefix while
   * typed (tokenize.parse_query). Spacing never matters, only words, order and punctuation.
   */
  function parseQuery(text, prefix) {
    var lowered = lowerSameLength(text);
    var typed = [];
    var phrases = [];
    var position = 0;
    lowered.split('"').forEach(function (segment, index) {
      var inPhrase = index % 2 === 1;
      var found = queryWords(lowered, position, position + segment.length, !inPhrase);
      if (inPhrase && found.length > 1) {
        var indices = [];
        for (var i = 0; i < found.length; i++) indices.push(typed.length + i);
        phrases.push(indices);
      }
      typed.push.apply(typed, found);
      position += segment.length + 1;
    });
    var typing = prefix !== false && typed.length > 0 && text.slice(-1).trim() !== '' && text.slice(-1) !== '"';
    if (typing) typed[typed.length - 1].word.prefix = true;
    var words = typed.map(function (t) { return t.word; });
    var pairs = [];
    for (var j = 0; j + 1 < typed.length; j++) {
      var before = typed[j], after = typed[j + 1];
      if (before.pairable && after.pairable && PAIR_GAP.test(lowered.slice(before.end, after.start))) {
        pairs.push(pairWord(before.word, after.word));
      }
    }
    var uniqueWords = unique(words);
    uniqueWords.concat(pairs, words).forEach(function (word) { word.accented = hasDiacritics(word.form); });
    return {
      words: uniqueWords,
      phrases: phrases.map(function (p) { return p.map(function (i) { return words[i]; }); }),
      pairs: pairs,
      ordered: words,
      chained: words.length > 1 && pairs.length === words.length - 1
    };
  }

  /* ---- loading index files ------------------------------------------------ */

  var store = new Map();
  var pending = new Map();
  var loadedFiles = [];
  var version = '';

  window.__archiveShard = function (key, data) { store.set(key, data); };

  /** Load one index file by adding a <script>; resolves with what it registered. */
  function load(key, path) {
    if (store.has(key)) return Promise.resolve(store.get(key));
    if (pending.has(key)) return pending.get(key);
    var promise = new Promise(function (resolve, reject) {
      var tag = document.createElement('script');
      tag.src = INDEX + path + version;
      tag.async = true;
      tag.charset = 'utf-8';  // the files also start with a byte-order mark
      tag.onload = function () {
        tag.remove();
        if (store.has(key)) resolve(store.get(key));
        else reject(new Error('search index file did not register: ' + path));
      };
      tag.onerror = function () {
        tag.remove();
        pending.delete(key);
        reject(new Error('search index file is missing: ' + path));
      };
      document.head.appendChild(tag);
    });
    pending.set(key, promise);
    loadedFiles.push('search/' + path);
    return promise;
  }

  var manifestPromise = null;
  function manifest() {
    if (!manifestPromise) {
      manifestPromise = load('manifest', 'manifest.js').then(function (data) {
        data.splitSet = new Set(data.split);
        data.shardSet = new Set(data.shards);
        data.restSet = new Set(data.rests ? data.rests.split('\n') : []);
        if (location.protocol !== 'file:') version = '?v=' + data.build;
        return data;
      }, function (error) { manifestPromise = null; throw error; });
    }
    return manifestPromise;
  }

  function safeName(key) {
    var out = '';
    for (var ch of key) {
      out += /^[a-z0-9]$/.test(ch) ? ch : '_' + ch.codePointAt(0).toString(16) + '_';
    }
    return out;
  }

  function shardKey(term, split) {
    var chars = Array.from(term);
    var length = 1;
    while (length <= chars.length && split.has(chars.slice(0, length).join(''))) length++;
    return chars.slice(0, Math.min(length, chars.length)).join('');
  }

  function shard(key, meta) {
    if (!meta.shardSet.has(key)) return Promise.resolve({});
    return load('t:' + key, 't/t-' + safeName(key) + '.js');
  }

  /* ---- postings ------------------------------------------------------------ */

  var ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
  var DIGIT = new Int8Array(128).fill(-1);
  for (var a = 0; a < ALPHABET.length; a++) DIGIT[ALPHABET.charCodeAt(a)] = a;

  function decodeNumbers(text) {
    var values = [];
    var current = 0;
    for (var i = 0; i < text.length; i++) {
      var digit = DIGIT[text.charCodeAt(i)];
      if (digit >= 32) current = current * 32 + (digit - 32);
      else { values.push(current * 32 + digit); current = 0; }
    }
    return values;
  }

  /**
   * Postings of one stored chunk as typed arrays (docs ascending), the inverse of
   * index._encode_page: gap (with a mask flag when the term has several forms),
   * impact (words only: a pair's impact is `levels`), mask (only when flagged).
   */
  function decodePostings(text, withImpacts, withMasks, levels) {
    var values = decodeNumbers(text);
    var size = values.length;  // at least one number per posting: typed arrays filled in place, then cut
    var docs = new Int32Array(size), impacts = new Uint8Array(size), masks = withMasks ? new Int32Array(size) : null;
    var doc = 0, n = 0;
    for (var i = 0; i < values.length; n++) {
      var value = values[i++];
      var flagged = false;
      if (withMasks) { flagged = (value & 1) === 1; value = Math.floor(value / 2); }
      doc += value;
      docs[n] = doc;
      impacts[n] = withImpacts ? values[i++] : levels;
      if (masks) masks[n] = flagged ? values[i++] : 1;
    }
    return {docs: docs.subarray(0, n), impacts: impacts.subarray(0, n), masks: masks ? masks.subarray(0, n) : null};
  }

  // Decoded postings, keyed by the entry they came from (a completion's copy is a different
  // entry from the term's own) and by rest-file number.
  var decodedTops = new WeakMap();
  var decodedRests = new Map();

  function variantsOf(term, stored) { return Array.isArray(stored) ? stored : [term]; }

  /** Decoded postings of a term: its top postings, plus the rest unless it is a completion being typed. */
  function termPostings(term, stored, allPages, meta) {
    var withMasks = Array.isArray(stored[1]) && stored[1].length > 1;
    var withImpacts = !isPair(term);
    var top = decodedTops.get(stored);
    if (!top) { top = decodePostings(stored[2], withImpacts, withMasks, meta.levels); decodedTops.set(stored, top); }
    if (stored.length < 4 || !allPages) return Promise.resolve([top]);
    return loadRest(term).then(function (text) {
      var rest = decodedRests.get(term);
      if (!rest) { rest = decodePostings(text, withImpacts, withMasks, meta.levels); decodedRests.set(term, rest); }
      return [top, rest];
    });
  }

  /** The other postings of a common term (index.rest_path): named by the term, so they load beside its shard. */
  function loadRest(term) { return load('p:' + term, 'p/p-' + safeName(term) + '.js'); }

  function completionOrder(a, b) {
    return (b[1][0] - a[1][0]) || (codePoints(a[0]) - codePoints(b[0])) || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0);
  }

  /**
   * The terms a query word (or pair) stands for: itself, and while typed its commonest
   * completions of the same kind, whose entries come in the same shard (one file per word).
   */
  function expansions(word, meta) {
    var key = shardKey(word.term, meta.splitSet);
    var pair = isPair(word.term);
    return shard(key, meta).then(function (data) {
      var own = Object.prototype.hasOwnProperty.call(data, word.term) ? data[word.term] : null;
      var out = own ? [{term: word.term, stored: own, weight: 1, allPages: true}] : [];
      if (!word.prefix) return out;
      var pairs = meta.splitSet.has(word.term) ? (data[''] || [])
        : Object.keys(data).filter(function (t) { return t && t.indexOf(word.term) === 0 && isPair(t) === pair; })
          .map(function (t) { return [t, data[t]]; }).sort(completionOrder);
      pairs.filter(function (p) { return p[0] !== word.term; }).slice(0, meta.completions)
        .forEach(function (p) {
          out.push({term: p[0], stored: p[1], weight: meta.prefixWeight, allPages: false});
        });
      return out;
    });
  }

  /** Everything a word needs loaded: its expansions with their decoded postings. */
  function prepareWord(word, meta) {
    if (meta.restSet.has(word.term)) loadRest(word.term).catch(function () {});  // beside the shard, not after it
    return expansions(word, meta).then(function (list) {
      return Promise.all(list.map(function (e) {
        return termPostings(e.term, e.stored, e.allPages, meta).then(function (chunks) { e.chunks = chunks; return e; });
      }));
    });
  }

  function idf(df, meta) { return Math.log(1 + (meta.docs - df + 0.5) / (df + 0.5)); }

  function syllableFits(stored, typed, prefix) {
    return !hasDiacritics(typed) || stored === typed || (prefix && stored.indexOf(typed) === 0);
  }

  /**
   * Bits of the stored forms a word or pair asks for (reader.variant_mask): with accents,
   * the forms whose accented syllables are the ones typed; without, for a pair, the
   * readings the index marked "*" (names and widespread phrases); a plain word: none.
   */
  function variantMask(word, variants) {
    var typed = word.form.split(' ');
    if (typed.some(hasDiacritics)) {
      var mask = 0;
      variants.forEach(function (variant, bit) {
        var stored = variant.replace(/^\*/, '').split(' ');
        if (stored.length !== typed.length) return;
        for (var i = 0; i < typed.length; i++) {
          if (!syllableFits(stored[i], typed[i], word.prefix && i === typed.length - 1)) return;
        }
        mask |= (1 << bit);
      });
      return mask;
    }
    if (!isPair(word.term)) return 0;
    var preferred = 0;
    variants.forEach(function (variant, bit) { if (variant.charAt(0) === '*') preferred |= (1 << bit); });
    return preferred || 1;
  }

  /**
   * Per notice: the score (the own term's when it matched, else the best completion's), whether
   * the own term matched, and whether a wanted form did (reader._matches).
   */
  function matchTerm(word, prepared, meta) {
    var score = new Float64Array(meta.docs);
    var own = new Uint8Array(meta.docs);
    var evidence = new Uint8Array(meta.docs);
    var seen = new Uint8Array(meta.docs);
    var touched = [];
    prepared.forEach(function (e) {
      var isOwn = e.term === word.term;
      var wanted = variantMask(word, variantsOf(e.term, e.stored[1]));
      var weight = idf(e.stored[0], meta) * e.weight / meta.levels;
      e.chunks.forEach(function (chunk) {
        var docs = chunk.docs, impacts = chunk.impacts, masks = chunk.masks;
        for (var i = 0; i < docs.length; i++) {
          var doc = docs[i];
          var value = weight * impacts[i];
          if (!seen[doc]) {
            seen[doc] = 1;
            touched.push(doc);
            score[doc] = value;
            own[doc] = isOwn ? 1 : 0;
          } else if (!own[doc] && value > score[doc]) {
            score[doc] = value;
          }
          if ((masks ? masks[i] : 1) & wanted) evidence[doc] = 1;
        }
      });
    });
    return {score: score, own: own, evidence: evidence, seen: seen, docs: touched};
  }

  // The last words' matches: while a reader types, every keystroke but the last word repeats them.
  var scoreCache = new Map();

  function cachedMatches(word, prepared, meta) {
    var key = word.term + '\u0000' + word.form + '\u0000' + (word.prefix ? 1 : 0);
    var hit = scoreCache.get(key);
    if (hit) {
      scoreCache.delete(key);
    } else {
      hit = matchTerm(word, prepared, meta);
      if (scoreCache.size >= 16) scoreCache.delete(scoreCache.keys().next().value);
    }
    scoreCache.set(key, hit);
    return hit;
  }

  /* ---- notices: metadata and paragraphs ------------------------------------ */

  function docFile(number, meta) {
    return load('d:' + number, 'd/' + Math.floor(number / meta.docBucket) + '/' + number + '.js');
  }

  var paragraphCache = new Map();

  // Python's base64.b85encode alphabet (index.pack_text): no JSON escape needed.
  var B85 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz!#$%&()*+-;<=>?@^_`{|}~';
  var B85_VALUE = new Int16Array(128).fill(-1);
  for (var b85 = 0; b85 < B85.length; b85++) B85_VALUE[B85.charCodeAt(b85)] = b85;

  /** base85 → bytes; a last group of k characters carries k - 1 bytes (padded with "~"). */
  function decode85(text) {
    var size = text.length;
    var out = new Uint8Array(Math.floor(size / 5) * 4 + 4);
    var length = 0;
    for (var i = 0; i < size; i += 5) {
      var left = size - i;
      var value = 0;
      for (var j = 0; j < 5; j++) value = value * 85 + (j < left ? B85_VALUE[text.charCodeAt(i + j)] : 84);
      var bytes = left >= 5 ? 4 : left - 1;  // a valid group is below 2^32, so >>> reads its bytes
      for (var k = 3; k > 3 - bytes; k--) out[length++] = (value >>> (8 * k)) & 255;
    }
    return out.subarray(0, length);
  }

  /**
   * The notice's paragraphs from their packed text. The bytes are written straight into the
   * DecompressionStream: going through a Blob's stream cost three to four times as much, and a
   * keystroke inflates up to eight notices.
   */
  function inflate(packed) {
    if (typeof DecompressionStream === 'undefined') return Promise.resolve([]);
    var stream = new DecompressionStream('deflate-raw');
    var writer = stream.writable.getWriter();
    writer.write(decode85(packed)).catch(function () {});
    writer.close().catch(function () {});
    return new Response(stream.readable).text().then(JSON.parse);
  }

  /** Metadata and [anchor, text] paragraphs of one notice. */
  function notice(number, meta) {
    var hit = paragraphCache.get(number);
    if (hit) return hit;
    hit = docFile(number, meta).then(function (doc) {
      return inflate(doc.z).then(function (paragraphs) { return {doc: doc, paragraphs: paragraphs}; });
    });
    paragraphCache.set(number, hit);
    if (paragraphCache.size > 400) paragraphCache.delete(paragraphCache.keys().next().value);
    return hit;
  }

  /* ---- filters ------------------------------------------------------------- */

  var columnsPromise = null;
  function columns() {
    if (!columnsPromise) {
      columnsPromise = Promise.all([load('facets', 'facets.js'), load('columns', 'columns.js')]).then(function (both) {
        var raw = both[1];
        var out = {facets: both[0]};
        ['province', 'date', 'doc_type', 'issuer'].forEach(function (name) { out[name] = decodeNumbers(raw[name]); });
        var values = decodeNumbers(raw.measures);
        var measures = [];
        for (var i = 0; i < values.length; i += 1 + values[i]) measures.push(values.slice(i + 1, i + 1 + values[i]));
        out.measures = measures;
        return out;
      }, function (error) { columnsPromise = null; throw error; });
    }
    return columnsPromise;
  }

  function dayNumber(iso) {
    var m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
    if (!m) return null;
    return Date.UTC(+m[1], +m[2] - 1, +m[3]) / 86400000 + 1;
  }

  /** YYYY, YYYY-MM or YYYY-MM-DD → the first (or last) day it covers, as ISO. */
  function completeDate(value, end) {
    var parts = String(value).split('-');
    if (parts.length === 1) return parts[0] + (end ? '-12-31' : '-01-01');
    if (parts.length === 2) {
      var last = new Date(Date.UTC(+parts[0], +parts[1], 0)).getUTCDate();
      return parts[0] + '-' + parts[1] + '-' + (end ? String(last).padStart(2, '0') : '01');
    }
    return String(value);
  }

  function dateBounds(filters) {
    var low = 1, high = 1e9;
    if (filters.year && !isNaN(parseInt(filters.year, 10))) {
      var y = String(parseInt(filters.year, 10)).padStart(4, '0');
      low = dayNumber(y + '-01-01'); high = dayNumber(y + '-12-31');
    }
    if (filters.from) low = Math.max(low, dayNumber(completeDate(filters.from, false)) || low);
    if (filters.to) high = Math.min(high, dayNumber(completeDate(filters.to, true)) || high);
    return [low, high];
  }

  var FACET_RULES = {
    province: function (key, label, v) { return key === v || fold(label) === fold(v) || fold(key) === fold(v); },
    doc_type: function (key, label, v) { return fold(label) === fold(v); },
    issuer: function (key, label, v) { return fold(label).indexOf(fold(v)) >= 0; },
    measure: function (key, label, v) { return key.toLowerCase() === String(v).toLowerCase(); }
  };

  /** A predicate over notice numbers for the active filters (columns.js is loaded only here). */
  function filterPredicate(filters, cols) {
    var tests = [];
    Object.keys(FACET_RULES).forEach(function (facet) {
      if (!(facet in filters)) return;
      var wanted = new Set();
      cols.facets[facet].forEach(function (e) {
        if (FACET_RULES[facet](e[0], e[1], String(filters[facet]))) wanted.add(e[2]);
      });
      if (facet === 'measure') {
        tests.push(function (d) { return cols.measures[d].some(function (m) { return wanted.has(m); }); });
      } else {
        var column = cols[facet];
        tests.push(function (d) { return wanted.has(column[d]); });
      }
    });
    if (filters.year || filters.from || filters.to) {
      var bounds = dateBounds(filters);
      tests.push(function (d) { var day = cols.date[d]; return day > 0 && day >= bounds[0] && day <= bounds[1]; });
    }
    return function (d) { return tests.every(function (t) { return t(d); }); };
  }

  function activeFilters(filters) {
    var out = {};
    SEARCH_PARAMS.forEach(function (key) {
      var value = filters[key];
      if (value !== undefined && value !== null && String(value).trim() !== '') out[key] = String(value).trim();
    });
    return out;
  }

  /* ---- snippets ------------------------------------------------------------ */

  var SNIPPET_CHARS = 280;

  function wordMatches(token, word) {
    return token === word.term || (word.prefix && token.indexOf(word.term) === 0);
  }

  /** Highlight only the terms the word was searched as (a typed prefix, only its completions used). */
  function highlights(token, word) {
    return word.searched ? word.searched.has(token) : wordMatches(token, word);
  }

  /** Spans of a folded paragraph matching query words: [start, end, word index]. */
  /** A folded text's searchable terms with offsets: [start, end, term] (numbers whole, then their words). */
  function termSpans(folded) {
    var out = [];
    COMPOUND.lastIndex = 0;
    var m;
    while ((m = COMPOUND.exec(folded)) !== null) {
      var compound = m[0];
      var start = m.index;
      if (isNumber(compound)) out.push([start, start + compound.length, compound]);
      var offset = start;
      compound.split(JOINERS).forEach(function (part) {
        out.push([offset, offset + part.length, part]);
        offset += part.length + 1;
      });
    }
    return out;
  }

  /** Spans of a paragraph's terms (``termSpans``) matching query words: [start, end, word index]. */
  function matchSpans(terms, words) {
    var spans = [];
    for (var t = 0; t < terms.length; t++) {
      for (var i = 0; i < words.length; i++) {
        if (highlights(terms[t][2], words[i])) spans.push([terms[t][0], terms[t][1], i]);
      }
    }
    return spans.sort(function (x, y) { return x[0] - y[0] || y[1] - x[1]; });
  }

  /**
   * Paragraph ``index`` of a notice tokenised once, when first needed: its terms and its words
   * with offsets. Only the paragraphs that may answer a query are tokenised (``bestParagraph``
   * and ``proximityOf`` look for the query's terms as substrings first): a keystroke reads up to
   * eight notices of 10 KB, and tokenising all of them with Unicode regular expressions was
   * most of its time.
   */
  function paragraphTerms(item, index) {
    if (!item.terms) { item.terms = []; item.words = []; }
    if (!item.terms[index]) {
      var folded = foldedParagraphs(item)[index];
      item.terms[index] = termSpans(folded);
      item.words[index] = wordTokens(folded);
    }
    return item;
  }

  /** Whether every query word occurs in a folded text as a substring (a cheap necessary condition). */
  function holdsAll(folded, words) {
    for (var i = 0; i < words.length; i++) if (folded.indexOf(words[i].term) < 0) return false;
    return true;
  }

  function escapeRegExp(text) { return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'); }

  /** Per pair of the query, a pattern every paragraph holding it side by side matches (an upper bound). */
  function pairPatterns(query) {
    if (!query.pairPatterns) {
      query.pairPatterns = query.pairs.map(function (pair) {
        var parts = pair.term.split(' ');
        return new RegExp(escapeRegExp(parts[0]) + '[\\s\\/-]+' + escapeRegExp(parts[1]));
      });
    }
    return query.pairPatterns;
  }

  /**
   * The most a paragraph can score in ``bestParagraph``, from substring tests only: a word that
   * is not a substring is not a term of it, a pair whose pattern does not match is not side by side.
   */
  function scoreBound(folded, query, weights) {
    var bound = 0;
    var all = true;
    query.words.forEach(function (word, i) {
      if (folded.indexOf(word.term) < 0) { all = false; return; }
      bound += (weights[i] || 1) * (word.accented ? 2.5 : 1);
    });
    if (bound === 0 || query.words.length < 2) return bound;
    pairPatterns(query).forEach(function (pattern, p) {
      if (pattern.test(folded)) bound += 1000 + (query.pairs[p].accented ? 100 : 0);
    });
    if (all) bound += 100;
    query.phrases.forEach(function (phrase) { if (holdsAll(folded, phrase)) bound += 5000; });
    return bound;
  }

  function hasPhrase(sequence, phrase) {
    for (var start = 0; start + phrase.length <= sequence.length; start++) {
      var ok = true;
      for (var j = 0; j < phrase.length && ok; j++) ok = wordMatches(sequence[start + j], phrase[j]);
      if (ok) return true;
    }
    return false;
  }

  function foldedParagraphs(item) {
    if (!item.folded) item.folded = item.paragraphs.map(function (p) { return fold(p[1]); });
    return item.folded;
  }

  /** Words of a folded text with their offsets: [start, end, term]. */
  function wordTokens(folded) {
    var out = [];
    WORD.lastIndex = 0;
    var m;
    while ((m = WORD.exec(folded)) !== null) out.push([m.index, m.index + m[0].length, m[0]]);
    return out;
  }

  /**
   * Where the query's pairs stand side by side in a paragraph: the spans of both words of
   * each occurrence, and how many distinct pairs (and pairs with the typed accents) occur.
   */
  function adjacentRuns(text, folded, toks, pairs) {
    var spans = [];
    var found = new Set();
    var exact = new Set();
    pairs.forEach(function (pair, p) {
      var parts = pair.term.split(' ');
      var second = {term: parts[1], prefix: pair.prefix};
      var forms = pair.form.split(' ');
      for (var i = 0; i + 1 < toks.length; i++) {
        if (toks[i][2] !== parts[0] || !wordMatches(toks[i + 1][2], second)) continue;
        if (!PAIR_GAP.test(folded.slice(toks[i][1], toks[i + 1][0]))) continue;
        spans.push([toks[i][0], toks[i][1], -1], [toks[i + 1][0], toks[i + 1][1], -1]);
        found.add(p);
        if (!pair.accented || exact.has(p)) continue;  // the written forms matter only for typed accents
        if (syllableFits(lowerSameLength(text.slice(toks[i][0], toks[i][1])), forms[0], false) &&
            syllableFits(lowerSameLength(text.slice(toks[i + 1][0], toks[i + 1][1])), forms[1], pair.prefix)) exact.add(p);
      }
    });
    spans.sort(function (x, y) { return x[0] - y[0] || y[1] - x[1]; });
    return {spans: spans, pairs: found.size, exact: exact.size};
  }

  /** Fewest consecutive words holding every query word once (Infinity when one is missing). */
  function shortestSpan(toks, words) {
    var last = words.map(function () { return -1; });
    var best = Infinity;
    for (var i = 0; i < toks.length; i++) {
      for (var w = 0; w < words.length; w++) if (wordMatches(toks[i][2], words[w])) last[w] = i;
      var low = Math.min.apply(null, last);
      if (low >= 0) best = Math.min(best, i - low + 1);
    }
    return best;
  }

  /**
   * The paragraph that best answers the query, with the spans to highlight; null when only
   * the title matched. The paragraph where the query's words stand side by side wins (with
   * the typed accents first), then the one where they stand closest. When words stand side
   * by side only those occurrences are marked: "cách ly" marks "cách ly", not the "lý" of
   * "bệnh lý" further on.
   */
  function bestParagraph(item, query, weights) {
    var best = null;
    var folded = foldedParagraphs(item);
    var order = [];
    folded.forEach(function (f, index) {
      var bound = scoreBound(f, query, weights);
      if (bound > 0) order.push([bound, index]);
    });
    order.sort(function (x, y) { return (y[0] - x[0]) || (x[1] - y[1]); });
    // Paragraphs in order of what they could score; stop when none left could beat the best
    // (the earlier paragraph wins a tie, as when every paragraph was scored in order).
    for (var o = 0; o < order.length; o++) {
      var bound = order[o][0], index = order[o][1];
      if (best && (bound < best.score || (bound === best.score && index > best.index))) break;
      var scored = scoreParagraph(item, index, query, weights);
      if (scored && (!best || scored.score > best.score || (scored.score === best.score && index < best.index))) best = scored;
    }
    return best;
  }

  /** bestParagraph's score of one paragraph, with its anchor, text and the spans to highlight (null: no match). */
  function scoreParagraph(item, index, query, weights) {
    var folded = foldedParagraphs(item);
    var p = item.paragraphs[index];
    {
      var text = p[1];
      var spans = matchSpans(paragraphTerms(item, index).terms[index], query.words);
      if (!spans.length) return null;
      var seen = new Set();
      var score = 0;
      spans.forEach(function (s) {
        var word = query.words[s[2]];
        var exact = word.accented && lowerSameLength(text.slice(s[0], s[1])).indexOf(word.form) === 0;
        var key = s[2] + (exact ? ':e' : '');
        if (seen.has(key)) return;
        seen.add(key);
        score += (weights[s[2]] || 1) * (exact ? 1.5 : 1);
      });
      if (query.words.length > 1) {
        var toks = item.words[index];
        var runs = adjacentRuns(text, folded[index], toks, query.pairs);
        score += runs.pairs * 1000 + runs.exact * 100;
        var span = shortestSpan(toks, query.words);
        if (span < Infinity) score += 50 + 50 / span;
        if (runs.spans.length) spans = runs.spans;
        if (query.phrases.length) {
          var sequence = toks.map(function (t) { return t[2]; });
          query.phrases.forEach(function (phrase) { if (hasPhrase(sequence, phrase)) score += 5000; });
        }
      }
      return {anchor: p[0], text: text, spans: spans, score: score, index: index};
    }
  }

  /** Cut ``text`` to about SNIPPET_CHARS around its first match; offsets follow the cut. */
  function trimSnippet(text, spans) {
    var merged = [];
    spans.forEach(function (s) {
      var last = merged[merged.length - 1];
      if (last && s[0] <= last[1]) last[1] = Math.max(last[1], s[1]);
      else merged.push([s[0], s[1]]);
    });
    if (text.length <= SNIPPET_CHARS) return {snippet: text, highlights: merged};
    var start = merged.length ? Math.max(0, merged[0][0] - 60) : 0;
    if (start > 0) {
      var space = text.indexOf(' ', start);
      start = (space >= 0 && space < (merged.length ? merged[0][0] : start + 30)) ? space + 1 : start;
    }
    var end = Math.min(text.length, start + SNIPPET_CHARS);
    if (end < text.length) {
      var back = text.lastIndexOf(' ', end);
      if (back > start + SNIPPET_CHARS / 2) end = back;
    }
    var before = start > 0 ? '… ' : '';
    var snippet = before + text.slice(start, end) + (end < text.length ? ' …' : '');
    var highlights = merged.filter(function (h) { return h[0] >= start && h[1] <= end; })
      .map(function (h) { return [h[0] - start + before.length, h[1] - start + before.length]; });
    return {snippet: snippet, highlights: highlights};
  }

  /**
   * A notice of the page with the paragraph that answers the query (bestParagraph), made as soon
   * as its file is in: the snippets of the first notices are made while the last ones still load.
   */
  function answerOf(number, query, weights, meta, signal) {
    return notice(number, meta).then(function (item) {
      var skip = !query || (signal && signal.aborted);  // a superseded query never shows it
      return {item: item, best: skip ? null : bestParagraph(item, query, weights)};
    });
  }

  function resultOf(number, score, answer) {
    var item = answer.item, best = answer.best;
    var doc = item.doc;
    var cut = best ? trimSnippet(best.text, best.spans)
      : trimSnippet(item.paragraphs.length ? item.paragraphs[0][1] : '', []);
    var anchor = best ? best.anchor : null;
    return {
      url: doc.u, href: ROOT + doc.u + (anchor ? '#' + anchor : ''), title: doc.t,
      province: doc.p, date: doc.d, number: doc.n, doc_type: doc.y, issuer: doc.i,
      score: Math.round(score * 1e4) / 1e4, snippet: cut.snippet, highlights: cut.highlights, anchor: anchor
    };
  }

  /* ---- queries ------------------------------------------------------------- */

  /** Sort key of a ranked notice (reader.RankKey.order): adjacency, then closeness, accents, whole words, BM25. */
  function byKey(x, y) {
    return (y.adjacent - x.adjacent) || (y.completed - x.completed) || (y.proximity - x.proximity) ||
      (y.evidence - x.evidence) || (y.whole - x.whole) || (y.total - x.total) || (x.doc - y.doc);
  }

  /**
   * Notices holding every word, best first (reader.rank_key). A pair of consecutive query
   * words found side by side ranks the notice above every notice where they stand apart.
   * While the last word is typed, a notice holding it only as a completion and not beside
   * the word before is dropped when a finished reading of the query matches, so "lang son"
   * and "lang son " give the same results.
   */
  function rankDocs(query, preparedWords, preparedPairs, meta, allow, need) {
    var words = query.words.map(function (w, i) { return cachedMatches(w, preparedWords[i], meta); });
    var pairs = query.pairs.map(function (p, i) { return cachedMatches(p, preparedPairs[i], meta); });
    var smallest = words.reduce(function (a, b) { return b.docs.length < a.docs.length ? b : a; });
    var candidates = smallest.docs;
    // One pass over the candidates fills typed arrays (a keystroke may have 20,000 of them:
    // no object per candidate); key objects are made only for the notices the page may show.
    var docs = new Int32Array(candidates.length);
    var values = new Float64Array(candidates.length);
    var kept = new Uint8Array(candidates.length);  // 1: every word as typed; 2: a pair through a completion
    var count = 0;
    var anyWhole = false;
    // The columns as local arrays: this loop runs once per keystroke over up to 20,000 notices,
    // mostly before the engine has optimised it, where every property read counts.
    var wordSeen = columnsOf(words, 'seen'), wordOwn = columnsOf(words, 'own');
    var wordEvidence = columnsOf(words, 'evidence'), wordScore = columnsOf(words, 'score');
    var pairSeen = columnsOf(pairs, 'seen'), pairOwn = columnsOf(pairs, 'own');
    var pairEvidence = columnsOf(pairs, 'evidence'), pairScore = columnsOf(pairs, 'score');
    var wordCount = words.length, pairCount = pairs.length;
    for (var c = 0; c < candidates.length; c++) {
      var d = candidates[c];
      if (allow && !allow(d)) continue;
      var all = true;
      for (var w = 0; w < wordCount && all; w++) all = wordSeen[w][d] === 1;
      if (!all) continue;
      var adjacent = 0, completed = 0, evidence = 0, whole = 1, total = 0;
      for (var p = 0; p < pairCount; p++) {
        if (!pairSeen[p][d]) continue;
        if (pairOwn[p][d]) adjacent++; else completed++;
        evidence += pairEvidence[p][d];
        total += pairScore[p][d];
      }
      for (w = 0; w < wordCount; w++) {
        if (!wordOwn[w][d]) whole = 0;
        evidence += wordEvidence[w][d];
        total += wordScore[w][d];
      }
      if (whole) anyWhole = true;
      docs[count] = d;
      values[count] = keyValue(adjacent, completed, evidence, whole, total);
      kept[count] = whole | (completed ? 2 : 0);
      count++;
    }
    if (query.words.length > 1 && anyWhole) {  // see reader.rank_key
      var n = 0;
      for (var i = 0; i < count; i++) {
        if (!kept[i]) continue;
        docs[n] = docs[i]; values[n] = values[i]; n++;
      }
      count = n;
    }
    var threshold = count > need * 2 ? nthLargest(values, count, need) : -Infinity;
    var keys = [];
    for (var k = 0; k < count; k++) {
      if (values[k] < threshold) continue;
      keys.push(keyOf(docs[k], words, pairs));
    }
    return {keys: keys.sort(byKey), count: count};
  }

  function columnsOf(matches, name) { return matches.map(function (m) { return m[name]; }); }

  /**
   * The ``need``-th largest of ``values[0, count)``, duplicates counted (what sorting them all
   * and reading ``count - need`` gives): one pass with a heap of the ``need`` largest, where the
   * sort of a keystroke's 18,000 candidates took milliseconds for 25 of them.
   */
  function nthLargest(values, count, need) {
    var heap = new Float64Array(need);  // a min-heap: heap[0] is the smallest of the largest
    var size = 0;
    for (var i = 0; i < count; i++) {
      var value = values[i];
      var at;
      if (size < need) {
        at = size++;
        while (at > 0 && heap[(at - 1) >> 1] > value) { heap[at] = heap[(at - 1) >> 1]; at = (at - 1) >> 1; }
        heap[at] = value;
      } else if (value > heap[0]) {
        at = 0;
        for (;;) {
          var child = 2 * at + 1;
          if (child >= need) break;
          if (child + 1 < need && heap[child + 1] < heap[child]) child++;
          if (heap[child] >= value) break;
          heap[at] = heap[child];
          at = child;
        }
        heap[at] = value;
      }
    }
    return heap[0];
  }

  /**
   * One number that orders notices like byKey before closeness is known (integers first, BM25
   * below 10,000), so the page's keys are picked with one native sort of numbers.
   */
  function keyValue(adjacent, completed, evidence, whole, total) {
    return (((adjacent * 256 + completed) * 256 + evidence) * 2 + whole) * 1e4 + Math.min(total, 9999);
  }

  /** The rank key of one notice (reader.rank_key). */
  function keyOf(d, words, pairs) {
    var key = {doc: d, adjacent: 0, completed: 0, evidence: 0, whole: 1, total: 0, proximity: 0};
    for (var p = 0; p < pairs.length; p++) {
      var pm = pairs[p];
      if (!pm.seen[d]) continue;
      if (pm.own[d]) key.adjacent++; else key.completed++;
      key.evidence += pm.evidence[d];
      key.total += pm.score[d];
    }
    for (var w = 0; w < words.length; w++) {
      var wm = words[w];
      if (!wm.own[d]) key.whole = 0;
      key.evidence += wm.evidence[d];
      key.total += wm.score[d];
    }
    return key;
  }

  var CLOSE_WORDS = 6;  // words allowed between query words that still stand "close together"

  /** Text ``index`` of a notice (0: the title, then its paragraphs) as words and as terms, computed once. */
  function sequenceOf(item, index) {
    if (!item.sequences) item.sequences = [];
    if (!item.sequences[index]) {
      if (index === 0) {
        item.sequences[0] = {words: wordSequence(item.doc.t), tokens: tokens(item.doc.t).map(function (term, j) { return [j, j, term]; })};
      } else {
        paragraphTerms(item, index - 1);
        var kept = item.terms[index - 1].filter(function (t) { return termLength(t[2]); });
        item.sequences[index] = {words: item.words[index - 1].map(function (t) { return t[2]; }),
                                 tokens: kept.map(function (t, j) { return [j, j, t[2]]; })};
      }
    }
    return item.sequences[index];
  }

  /** Title and paragraphs (title first) that hold every query word as a substring, tokenised. */
  function sequencesOf(item, words) {
    if (item.foldedTitle === undefined) item.foldedTitle = fold(item.doc.t);
    var folded = [item.foldedTitle].concat(foldedParagraphs(item));
    var out = [];
    for (var i = 0; i < folded.length; i++) if (holdsAll(folded[i], words)) out.push(sequenceOf(item, i));
    return out;
  }

  // Per UTF-16 unit: 1 when it is a letter or digit ([\p{L}\p{N}], as WORD), 2 when not; 0: not known yet.
  var WORD_UNIT = new Uint8Array(0x10000);
  var WORD_CHAR = /^[\p{L}\p{N}]$/u;

  /** Whether the character at ``at`` (or ending just before ``at``, ``before``) is a letter or digit. */
  function isWordChar(text, at, before) {
    var code = text.charCodeAt(at);
    if (code >= 0xD800 && code <= 0xDFFF) {  // half of an astral character: read the whole of it
      var point = before ? text.codePointAt(code >= 0xDC00 && at > 0 ? at - 1 : at) : text.codePointAt(at);
      return WORD_CHAR.test(String.fromCodePoint(point));
    }
    var known = WORD_UNIT[code];
    if (known === 0) known = WORD_UNIT[code] = WORD_CHAR.test(String.fromCharCode(code)) ? 1 : 2;
    return known === 1;
  }

  /**
   * Whether a folded text's word sequence (``wordSequence``) holds the query's words as one run:
   * each word whole (the last one begun, while typed), only characters that are not letters or
   * digits between them (``hasPhrase`` over its words). A scan from each occurrence of the first
   * word, with no tokenising: with a one-letter word being typed, every paragraph held the query's
   * words as substrings, and tokenising them all was most of a keystroke's script time.
   */
  function holdsRun(folded, ordered) {
    var first = ordered[0].term;
    var lastWord = ordered[ordered.length - 1];
    for (var at = folded.indexOf(first); at >= 0; at = folded.indexOf(first, at + 1)) {
      if (at > 0 && isWordChar(folded, at - 1, true)) continue;
      var pos = at + first.length;
      var ok = true;
      for (var i = 1; i < ordered.length && ok; i++) {
        var gap = pos;
        while (pos < folded.length && !isWordChar(folded, pos, false)) pos += folded.codePointAt(pos) > 0xFFFF ? 2 : 1;
        ok = pos > gap && folded.startsWith(ordered[i].term, pos);
        pos += ordered[i].term.length;
      }
      if (ok && (lastWord.prefix || pos >= folded.length || !isWordChar(folded, pos, false))) return true;
    }
    return false;
  }

  /** 3: one text holds the words as one run; 2: within a short span; 1: all in one text; 0 (reader.proximity). */
  function proximityOf(item, query) {
    var words = query.words;
    if (query.chained) {
      if (item.foldedTitle === undefined) item.foldedTitle = fold(item.doc.t);
      var run = function (f) { return holdsAll(f, words) && holdsRun(f, query.ordered); };
      if (run(item.foldedTitle) || foldedParagraphs(item).some(run)) return 3;
    }
    var sequences = sequencesOf(item, words);
    var best = 0;
    for (var i = 0; i < sequences.length && best < 2; i++) {
      var span = shortestSpan(sequences[i].tokens, words);
      if (span < Infinity) best = Math.max(best, span <= words.length + CLOSE_WORDS ? 2 : 1);
    }
    return best;
  }

  /**
   * Re-rank the first notices whose words are not all side by side by how close they stand,
   * reading the text of at most meta.proximityChecks of them (reader._by_proximity).
   */
  function byProximity(keys, query, meta, limit) {
    var full = query.pairs.length;
    if (!full || !meta.proximityChecks) return Promise.resolve(keys);
    var start = full > 1 ? 0 : -1;  // several pairs may each stand side by side without the whole run
    for (var i = 0; start < 0 && i < keys.length; i++) if (keys[i].adjacent + keys[i].completed < full) start = i;
    if (start < 0 || start >= limit) return Promise.resolve(keys);
    var end = Math.min(keys.length, start + Math.min(meta.proximityChecks, limit - start));
    var checked = keys.slice(start, end);
    return Promise.all(checked.map(function (k) {  // each as soon as its notice is in
      return notice(k.doc, meta).then(function (item) { k.proximity = proximityOf(item, query); });
    })).then(function () {
      return keys.slice(0, start).concat(checked.sort(byKey), keys.slice(end));
    });
  }

  /**
   * The best-ranked candidates whose text holds every quoted phrase, reading at most
   * meta.phraseChecks notices (positions are not indexed; see index.py).
   */
  function checkPhrases(docs, query, meta, limit) {
    var kept = [];
    var checked = 0;
    var pool = docs.slice(0, meta.phraseChecks);
    var batch = 24;
    function holdsPhrases(item) {
      var texts = [fold(item.doc.t)].concat(foldedParagraphs(item));
      return query.phrases.every(function (phrase) {
        return texts.some(function (f) { return holdsAll(f, phrase) && hasPhrase(f.match(WORD) || [], phrase); });
      });
    }
    function next() {
      if (kept.length >= limit || checked >= pool.length) {
        return Promise.resolve({docs: kept, more: checked < pool.length,
                                exact: checked === docs.length});
      }
      var slice = pool.slice(checked, checked + batch);
      return Promise.all(slice.map(function (d) { return notice(d, meta); })).then(function (items) {
        for (var i = 0; i < items.length && kept.length < limit; i++) {
          checked++;
          if (holdsPhrases(items[i])) kept.push(slice[i]);
        }
        return next();
      });
    }
    return next();
  }

  /** Results with snippets; ``count`` says how many match in all ({total, exact, more}). */
  function finish(numbers, scores, query, weights, meta, count, timings, answers) {
    return Promise.all(numbers.map(function (d) {
      return (answers && answers.get(d)) || answerOf(d, query, weights, meta);
    })).then(function (found) {
      if (timings) stamp(timings, 'notices');
      var results = found.map(function (answer, i) { return resultOf(numbers[i], scores[i], answer); });
      results.total = count.total;  // a lower bound when totalExact is false
      results.totalExact = count.exact;
      results.more = count.more;  // a larger limit would return more
      return results;
    });
  }

  function counted(docs, shown) {
    return {total: docs.length, exact: true, more: docs.length > shown};
  }

  /**
   * Where the last query's time went, in ms from its start (performance.now): ``index`` when
   * its term files were loaded and decoded, ``ranked`` when its notices were ranked, ``notices``
   * when the page's notice files were in with their snippets (each made as its file came),
   * ``done`` when the results were complete. The benchmark
   * reads them (benchmarks/search_bench.py); the page never does.
   */
  var lastTimings = {};

  function stamp(timings, phase) { timings[phase] = Math.round((performance.now() - timings.start) * 10) / 10; }

  /** Raised when a newer query made this one useless (``filters.signal`` aborted): no result is shown. */
  function superseded() {
    var error = new Error('search superseded by a newer query');
    error.name = 'AbortError';
    return error;
  }

  function checkSignal(signal) { if (signal && signal.aborted) throw superseded(); }

  /**
   * What a query means, as a string: its words (folded term, typed form, whether being typed),
   * its phrases, filters and limit. Two texts that differ only in spacing or punctuation between
   * words mean the same query, so the second gets the first's results without any work.
   */
  function queryKey(parsed, active, limit) {
    var indexOf = new Map(parsed.ordered.map(function (w, i) { return [w, i]; }));
    return JSON.stringify([
      parsed.ordered.map(function (w) { return [w.form, w.prefix ? 1 : 0]; }),
      parsed.pairs.map(function (p) { return p.form; }),
      parsed.phrases.map(function (ph) { return ph.map(function (w) { return indexOf.get(w); }); }),
      active, limit]);
  }

  // Results of the last queries (they never change for one index): a reader who deletes a
  // letter and types it again, or adds a space that changes nothing, waits for nothing.
  var resultCache = new Map();
  var RESULT_CACHE_SIZE = 32;

  function copyResults(results) {
    return Object.assign(results.slice(), {total: results.total, totalExact: results.totalExact, more: results.more});
  }

  /**
   * Search the archive; resolves with results, best first (see the header comment). A
   * ``filters.signal`` (an AbortSignal) that is aborted stops the work before its next round of
   * files, and the promise rejects with an AbortError: the header box aborts a keystroke's query
   * when the next keystroke comes, so stale keystrokes neither load notices nor make snippets.
   */
  function query(text, filters) {
    filters = filters || {};
    var limit = Math.max(1, parseInt(filters.limit, 10) || 20);
    var active = activeFilters(filters);
    var parsed = parseQuery(String(text || ''), filters.prefix);
    var timings = {start: performance.now()};
    lastTimings = timings;
    var key = queryKey(parsed, active, limit);
    var cached = resultCache.get(key);
    if (cached) {
      resultCache.delete(key);
      resultCache.set(key, cached);
      timings.cached = true;
      stamp(timings, 'done');
      return Promise.resolve(copyResults(cached));
    }
    return search(parsed, active, limit, filters.signal, timings).then(function (results) {
      checkSignal(filters.signal);  // its snippets may have been skipped: neither shown nor kept
      stamp(timings, 'done');
      resultCache.set(key, results);
      if (resultCache.size > RESULT_CACHE_SIZE) resultCache.delete(resultCache.keys().next().value);
      return copyResults(results);
    });
  }

  function search(parsed, active, limit, signal, timings) {
    var hasFilters = Object.keys(active).length > 0;
    return manifest().then(function (meta) {
      var wanted = hasFilters ? columns() : Promise.resolve(null);
      if (!parsed.words.length) {
        if (!hasFilters) return Object.assign([], {total: 0, totalExact: true, more: false});
        return wanted.then(function (cols) {
          checkSignal(signal);
          var allow = filterPredicate(active, cols);
          var docs = [];
          for (var d = 0; d < meta.docs; d++) if (allow(d)) docs.push(d);
          docs.sort(function (x, y) { return (cols.date[y] - cols.date[x]) || (x - y); });
          var top = docs.slice(0, limit);
          return finish(top, top.map(function () { return 0; }), null, [], meta, counted(docs, top.length), timings);
        });
      }
      var words = Promise.all(parsed.words.map(function (w) { return prepareWord(w, meta); }));
      var pairs = Promise.all(parsed.pairs.map(function (p) { return prepareWord(p, meta); }));
      return Promise.all([words, pairs, wanted]).then(function (all) {
        stamp(timings, 'index');
        checkSignal(signal);
        var prepared = all[0];
        var cols = all[2];
        parsed.words.forEach(function (word, i) {
          word.searched = new Set(prepared[i].map(function (e) { return e.term; }));
        });
        var need = parsed.phrases.length ? Infinity : limit + meta.proximityChecks + 1;
        var ranked = rankDocs(parsed, prepared, all[1], meta, cols ? filterPredicate(active, cols) : null, need);
        var weights = prepared.map(function (list) {
          return list.length ? idf(list[0].stored[0], meta) : 1;
        });
        stamp(timings, 'ranked');
        var answers = null;
        if (!parsed.phrases.length) {
          // Closeness re-ranks notices within the page only, so the page's notices are known now:
          // load them all in one round (byProximity reads some of them, finish all of them), and
          // make each one's snippet as soon as it is in.
          answers = new Map();
          ranked.keys.slice(0, limit).forEach(function (k) {
            var answer = answerOf(k.doc, parsed, weights, meta, signal);
            answer.catch(function () {});
            answers.set(k.doc, answer);
          });
        }
        return byProximity(ranked.keys, parsed, meta, limit).then(function (keys) {
          checkSignal(signal);
          var docs = keys.map(function (k) { return k.doc; });
          var totals = new Map(keys.map(function (k) { return [k.doc, k.total]; }));
          var chosen = parsed.phrases.length ? checkPhrases(docs, parsed, meta, limit).then(function (found) {
            return {docs: found.docs, count: {total: found.docs.length, exact: found.exact, more: found.more}};
          }) : Promise.resolve({docs: docs.slice(0, limit),
                                count: {total: ranked.count, exact: true, more: ranked.count > limit}});
          return chosen.then(function (picked) {
            var top = picked.docs;
            return finish(top, top.map(function (d) { return totals.get(d); }), parsed, weights, meta, picked.count, timings,
                          answers);
          });
        });
      });
    });
  }

  /* ---- user interface -------------------------------------------------------- */

  function el(tag, attributes, children) {
    var node = document.createElement(tag);
    Object.keys(attributes || {}).forEach(function (name) {
      if (name === 'text') node.textContent = attributes[name];
      else node.setAttribute(name, attributes[name]);
    });
    (children || []).forEach(function (child) { if (child) node.appendChild(child); });
    return node;
  }

  function displayDate(iso) {
    var m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso || '');
    return m ? m[3] + '/' + m[2] + '/' + m[1] : '';
  }

  /** The snippet as text nodes and <mark>s: never HTML parsed from the index. */
  function snippetNode(result) {
    var node = el('span', {class: 'archive-search__snippet'});
    var at = 0;
    result.highlights.forEach(function (h) {
      if (h[0] > at) node.appendChild(document.createTextNode(result.snippet.slice(at, h[0])));
      node.appendChild(el('mark', {text: result.snippet.slice(h[0], h[1])}));
      at = h[1];
    });
    if (at < result.snippet.length) node.appendChild(document.createTextNode(result.snippet.slice(at)));
    return node;
  }

  /** Everything a result list shows of its results: equal signatures draw the same list. */
  function resultsSignature(results) {
    return JSON.stringify(results.map(function (r) { return [r.href, r.title, r.number, r.province, r.date, r.snippet, r.highlights]; }));
  }

  function resultNode(result, id) {
    var meta = [result.number, result.province, displayDate(result.date)].filter(Boolean).join(' · ');
    return el('li', {class: 'archive-search__result', role: 'option', id: id}, [
      el('a', {href: result.href, class: 'archive-search__link'}, [
        el('span', {class: 'archive-search__title', text: result.title}),
        meta ? el('span', {class: 'archive-search__meta', text: meta}) : null,
        result.snippet ? snippetNode(result) : null
      ])
    ]);
  }

  function searchPageUrl() {
    var page = manifestPromise && store.has('manifest') ? store.get('manifest').searchPage : null;
    if (!page) {  // before the manifest says: offline editions name files, public ones folders
      page = (location.protocol === 'file:' || /\.html?$/.test(location.pathname)) ? 'tim-kiem.html' : 'tim-kiem/';
    }
    return ROOT + page;
  }

  function errorText(error) {
    return /missing: manifest/.test(String(error && error.message))
      ? 'Chưa có chỉ mục tìm kiếm (trang được xem khi chưa dựng chỉ mục).'
      : 'Không tìm được: ' + (error && error.message ? error.message : error);
  }

  /** The search box injected into Material's header, with instant results. */
  function mountHeaderBox() {
    var inner = document.querySelector('.md-header__inner');
    if (!inner || inner.querySelector('.archive-search')) return;
    var listId = 'archive-search-results';
    var input = el('input', {
      type: 'search', name: 'q', class: 'archive-search__input', autocomplete: 'off', spellcheck: 'false',
      placeholder: 'Tìm văn bản…', 'aria-label': 'Tìm trong kho văn bản (gõ có dấu hoặc không dấu)',
      role: 'combobox', 'aria-autocomplete': 'list', 'aria-expanded': 'false', 'aria-controls': listId
    });
    var list = el('ol', {class: 'archive-search__list', id: listId, role: 'listbox'});
    var status = el('p', {class: 'archive-search__status', 'aria-live': 'polite'});
    var advanced = 'Tìm nâng cao, lọc theo tỉnh, năm, loại…';
    var more = el('a', {class: 'archive-search__all', href: searchPageUrl(), text: advanced});
    var panel = el('div', {class: 'archive-search__panel', hidden: ''}, [status, list, more]);
    var form = el('form', {class: 'archive-search', role: 'search', action: searchPageUrl()}, [input, panel]);
    var source = inner.querySelector('.md-header__source');
    inner.insertBefore(form, source);
    var generation = 0;
    var active = -1;

    function open(flag) {
      panel.hidden = !flag;
      input.setAttribute('aria-expanded', flag ? 'true' : 'false');
    }
    function fullSearchHref(text) { return searchPageUrl() + '?q=' + encodeURIComponent(text); }
    function select(index) {
      var items = list.querySelectorAll('.archive-search__result');
      items.forEach(function (item, i) {
        item.classList.toggle('archive-search__result--active', i === index);
        item.setAttribute('aria-selected', i === index ? 'true' : 'false');
      });
      active = index;
      if (items[index]) input.setAttribute('aria-activedescendant', items[index].id);
      else input.removeAttribute('aria-activedescendant');
      if (items[index]) items[index].scrollIntoView({block: 'nearest'});
    }
    var shown = null;  // what the list shows now (resultsSignature), so equal results are not drawn again
    var controller = null;
    function run() {
      var text = input.value;
      var mine = ++generation;
      if (controller) controller.abort();  // the previous keystroke's query: no notices, no snippets
      controller = typeof AbortController === 'function' ? new AbortController() : null;
      more.href = fullSearchHref(text);
      if (!text.trim()) { open(false); list.textContent = ''; shown = null; return; }
      query(text, {limit: 8, signal: controller ? controller.signal : undefined}).then(function (results) {
        if (mine !== generation) return;
        more.textContent = !results.more ? advanced
          : results.totalExact ? 'Xem tất cả ' + results.total + ' kết quả' : 'Xem thêm kết quả';
        var signature = resultsSignature(results);
        var redrawn = signature !== shown;
        if (redrawn) {
          shown = signature;
          list.textContent = '';
          select(-1);
          results.forEach(function (r, i) { list.appendChild(resultNode(r, listId + '-' + i)); });
          status.textContent = results.length ? '' : 'Không tìm thấy văn bản nào.';
        }
        open(true);
        // For whoever measures what a reader waits for (benchmarks/search_bench.py): this text's results are shown.
        form.dispatchEvent(new CustomEvent('archive-search:shown', {detail: {text: text, redrawn: redrawn}}));
      }, function (error) {
        if (mine !== generation || (error && error.name === 'AbortError')) return;
        list.textContent = '';
        shown = null;
        status.textContent = errorText(error);
        open(true);
      });
    }
    input.addEventListener('input', run);
    input.addEventListener('focus', function () {
      manifest().catch(function () {});
      if (list.children.length || status.textContent) open(true);
    });
    input.addEventListener('keydown', function (event) {
      var count = list.children.length;
      if (event.key === 'ArrowDown' && count) { event.preventDefault(); select((active + 1) % count); }
      else if (event.key === 'ArrowUp' && count) { event.preventDefault(); select((active - 1 + count) % count); }
      else if (event.key === 'Escape' && !panel.hidden) {
        event.preventDefault();  // the first Escape closes the results, a second one clears the box
        open(false);
        active = -1;
      }
      else if (event.key === 'Enter' && active >= 0 && list.children[active]) {
        event.preventDefault();
        location.href = list.children[active].querySelector('a').href;
      }
    });
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      if (input.value.trim()) location.href = fullSearchHref(input.value);
    });
    document.addEventListener('click', function (event) { if (!form.contains(event.target)) open(false); });
    document.addEventListener('keydown', function (event) {
      var target = event.target;
      var typing = target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
      if (event.key === '/' && !typing && !event.ctrlKey && !event.metaKey && !event.altKey) {
        event.preventDefault();
        input.focus();
      }
    });
  }

  var FILTER_LABELS = {
    province: 'Tỉnh, thành phố', year: 'Năm', doc_type: 'Loại văn bản', measure: 'Biện pháp',
    issuer: 'Cơ quan ban hành', from: 'Từ ngày', to: 'Đến ngày'
  };

  function selectControl(name, options) {
    var select = el('select', {name: name, id: 'archive-search-' + name}, [el('option', {value: '', text: 'Tất cả'})]);
    options.forEach(function (o) { select.appendChild(el('option', {value: o[0], text: o[1]})); });
    return select;
  }

  function labelled(name, control) {
    return el('label', {class: 'archive-search-page__field', for: 'archive-search-' + name}, [
      el('span', {text: FILTER_LABELS[name] || name}), control
    ]);
  }

  /**
   * Show a shared URL's value in its control without losing it: a value that is not
   * among the choices (a province by name, part of an issuer) becomes a choice, and
   * a partial date (2021, 2021-05) becomes the day it stands for.
   */
  function setControl(control, value, end) {
    if (!value) return;
    if (control.tagName === 'SELECT') {
      var known = Array.prototype.some.call(control.options, function (o) { return o.value === value; });
      if (!known) control.appendChild(el('option', {value: value, text: value}));
    } else if (control.type === 'date') {
      value = completeDate(value, end);
    }
    control.value = value;
  }

  function readParams() {
    var params = new URLSearchParams(location.search);
    var state = {q: params.get('q') || ''};
    SEARCH_PARAMS.forEach(function (key) { state[key] = params.get(key) || ''; });
    return state;
  }

  function writeParams(state) {
    var params = new URLSearchParams();
    if (state.q) params.set('q', state.q);
    SEARCH_PARAMS.forEach(function (key) { if (state[key]) params.set(key, state[key]); });
    var search = params.toString();
    try {
      history.replaceState(null, '', location.pathname + (search ? '?' + search : '') + location.hash);
    } catch (error) { /* some file:// setups refuse URL changes; the search still works */ }
  }

  var FIRST_SCREEN = 8;  // results a cold search page shows before the rest of its first page

  /** The full search page (tim-kiem): query, filters kept in the URL so a search can be shared. */
  function mountSearchPage() {
    var host = document.getElementById('archive-search-page');
    if (!host || host.getAttribute('data-ready')) return;
    host.setAttribute('data-ready', 'true');
    host.textContent = '';
    var state = readParams();
    var input = el('input', {type: 'search', name: 'q', id: 'archive-search-q', class: 'archive-search-page__input',
      autocomplete: 'off', spellcheck: 'false', placeholder: 'Ví dụ: cách ly tập trung, "giãn cách xã hội", 68/NQ-CP'});
    input.value = state.q;
    var form = el('form', {class: 'archive-search-page__form', role: 'search'}, [
      el('label', {class: 'archive-search-page__query', for: 'archive-search-q'}, [
        el('span', {text: 'Từ khóa'}), input
      ])
    ]);
    var filters = el('fieldset', {class: 'archive-search-page__filters'}, [el('legend', {text: 'Lọc kết quả'})]);
    // Folded on a phone (results come first, see archive-search.css); open on a wide screen or when a
    // shared address already holds filters, so the reader sees them.
    var filterBox = el('details', {class: 'archive-search-page__filter-box'}, [
      el('summary', {text: 'Lọc kết quả (tỉnh, năm, loại văn bản, biện pháp, cơ quan)'}), filters
    ]);
    filterBox.open = SEARCH_PARAMS.some(function (key) { return state[key]; }) ||
      !!(window.matchMedia && window.matchMedia('(min-width: 60em)').matches);
    form.appendChild(filterBox);
    var status = el('p', {class: 'archive-search-page__status', 'aria-live': 'polite', text: 'Đang tải chỉ mục…'});
    var list = el('ol', {class: 'archive-search-page__results'});
    var more = el('button', {
      type: 'button', class: 'md-button archive-search-page__more', hidden: '', text: 'Thêm kết quả'
    });
    host.appendChild(form);
    host.appendChild(status);
    host.appendChild(list);
    host.appendChild(more);
    var controls = {};
    var limit = 20;
    var generation = 0;

    function current() {
      var out = {q: input.value};
      SEARCH_PARAMS.forEach(function (key) { out[key] = controls[key] ? controls[key].value : state[key]; });
      return out;
    }
    /** finished: the query came from a shared URL, Enter or a filter, not a keystroke (whole words only). */
    function run(finished) {
      var now = current();
      writeParams(now);
      var mine = ++generation;
      var filterValues = {limit: limit, prefix: !finished};
      SEARCH_PARAMS.forEach(function (key) { if (now[key]) filterValues[key] = now[key]; });
      var anyFilter = SEARCH_PARAMS.some(function (key) { return now[key]; });
      host.setAttribute('data-state', 'searching');
      if (!now.q.trim() && !anyFilter) {
        list.textContent = '';
        shown = null;
        more.hidden = true;
        status.textContent = 'Gõ từ khóa (có dấu hoặc không dấu) hoặc chọn bộ lọc.';
        host.setAttribute('data-state', 'done');
        return Promise.resolve();
      }
      status.textContent = 'Đang tìm…';
      // An empty page (opened from a shared address) first shows a screenful: each result reads
      // its notice's file, and twenty of them on a cold page took longer than a reader should wait.
      var first = !list.children.length && limit > FIRST_SCREEN
        ? query(now.q, Object.assign({}, filterValues, {limit: FIRST_SCREEN})).then(function (results) {
          if (mine === generation && !list.children.length) show(results, false);
        }, function () {}) : Promise.resolve();
      return first.then(function () { return query(now.q, filterValues); }).then(function (results) {
        if (mine !== generation) return;
        show(results, true);
      }, function (error) {
        if (mine !== generation) return;
        status.textContent = errorText(error);
        host.setAttribute('data-state', 'done');
      });
    }
    var shown = null;  // resultsSignature of the list on the page: equal results are not drawn again
    function show(results, complete) {
      var signature = resultsSignature(results);
      if (signature !== shown) {
        shown = signature;
        list.textContent = '';
        results.forEach(function (r, i) { list.appendChild(resultNode(r, 'archive-search-page-' + i)); });
      }
      status.textContent = results.length
        ? (results.totalExact ? '' : 'Ít nhất ') + results.total + ' kết quả'
        : 'Không tìm thấy văn bản nào.';
      more.hidden = !complete || !results.more;
      if (complete) host.setAttribute('data-state', 'done');
    }
    var timer = null;
    input.addEventListener('input', function () {
      limit = 20;
      clearTimeout(timer);
      timer = setTimeout(function () { run(false); }, 120);
    });
    form.addEventListener('submit', function (event) { event.preventDefault(); clearTimeout(timer); limit = 20; run(true); });
    more.addEventListener('click', function () { limit += 20; run(true); });

    // A shared address's query runs at once: the filter controls need columns.js (450 KB at 20,000
    // notices), which the query itself needs only when a filter is set. Until the controls exist,
    // current() reads the filters from the address, so the results are the same.
    var started = run(true);
    started.then(manifest).then(columns).then(function (cols) {
      var facets = cols.facets;
      var years = facets.years.map(function (y) { return [String(y), String(y)]; });
      var choices = {
        province: facets.province, year: years, doc_type: facets.doc_type,
        measure: facets.measure, issuer: facets.issuer
      };
      Object.keys(choices).forEach(function (name) {
        var options = choices[name].map(function (e) { return [e[0], e[1]]; });
        controls[name] = selectControl(name, options);
        filters.appendChild(labelled(name, controls[name]));
      });
      ['from', 'to'].forEach(function (name) {
        controls[name] = el('input', {type: 'date', name: name, id: 'archive-search-' + name});
        filters.appendChild(labelled(name, controls[name]));
      });
      SEARCH_PARAMS.forEach(function (key) {
        setControl(controls[key], state[key], key === 'to');
        controls[key].addEventListener('change', function () { limit = 20; run(true); });
      });
      var reset = el('button', {type: 'button', class: 'md-button archive-search-page__reset', text: 'Bỏ lọc'});
      reset.addEventListener('click', function () {
        SEARCH_PARAMS.forEach(function (key) { controls[key].value = ''; });
        limit = 20;
        run(true);
      });
      filters.appendChild(reset);
    }, function (error) { status.textContent = errorText(error); });
  }

  function mount() {
    mountHeaderBox();
    mountSearchPage();
  }

  window.archiveSearch = {
    query: query,
    fold: fold,
    tokens: tokens,
    parseQuery: parseQuery,
    loadedFiles: function () { return loadedFiles.slice(); },
    lastTimings: function () { return Object.assign({}, lastTimings); },
    nthLargest: nthLargest,  // the ranking's cut of its candidates (tests compare it with a sort)
    // Whether text holds the query's words as one run, as proximityOf finds it (tests compare it
    // with reader.proximity's word sequences).
    holdsRun: function (text, queryText, prefix) {
      var parsed = parseQuery(String(queryText), prefix);
      return parsed.chained && holdsRun(fold(String(text)), parsed.ordered);
    },
    root: ROOT
  };

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', mount);
  else mount();
  // Material's instant navigation swaps pages without reloading scripts.
  if (window.document$ && typeof window.document$.subscribe === 'function') window.document$.subscribe(mount);
})();
