// Wraps Material's search worker so inflected words find their stems.
// Material adds a trailing wildcard to every query term, and lunr does not
// stem wildcard terms, so "emballasjens*" never meets "emballasj" in the
// stemmed index. We append each term's stem to the query before Material's
// worker reads it. Loaded as workers/cpc-search.js?worker=<Material's worker>.
var cpcLanguages = [];

function cpcStemmer(lang) {
  if (lang === "en") return self.lunr && self.lunr.stemmer;
  return self.lunr && self.lunr[lang] && self.lunr[lang].stemmer;
}

function cpcWithStems(query) {
  var stems = [];
  query.split(/\s+/).forEach(function (term) {
    // Leave lunr syntax (+, -, *, field:, ~, ^) as the reader typed it.
    if (!/^[\p{L}\p{N}]+$/u.test(term)) return;
    var word = term.toLowerCase();
    cpcLanguages.forEach(function (lang) {
      var stemmer = cpcStemmer(lang);
      if (!stemmer) return;
      var stem = stemmer(new self.lunr.Token(word, {})).toString();
      if (stem && stem !== word && stems.indexOf(stem) < 0) stems.push(stem);
    });
  });
  return stems.length ? query + " " + stems.join(" ") : query;
}

// Registered before Material's own listener, so it sees the message first.
self.addEventListener("message", function (event) {
  var message = event.data;
  if (!message) return;
  if (message.type === 0) cpcLanguages = message.data.config.lang;
  if (message.type === 2 && typeof message.data === "string") message.data = cpcWithStems(message.data);
});

var cpcMaterialWorker = new URLSearchParams(self.location.search).get("worker");
if (!/^search\.[0-9a-f]+\.min\.js$/.test(cpcMaterialWorker || "")) {
  throw new Error("cpc-search.js: expected ?worker=search.<hash>.min.js, got " + cpcMaterialWorker);
}
importScripts(cpcMaterialWorker);
