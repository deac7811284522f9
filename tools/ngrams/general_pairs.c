/* Lists the word pairs of a CMU Sphinx trigram language model (the trie binary format of Debian's
 * pocketsphinx-en-us) that tools/ngrams/general_pairs.py asks about: every bigram the model holds
 * whose first word is in FIRSTS or whose second word is in SECONDS (one word a line each).
 * Output: "first<TAB>second<TAB>log10 P(second | first)" a line, in the model's word order, then
 * "#<TAB>word<TAB>log10 P(word)" for every word of the model.
 * Built and run by general_pairs.py; links Debian's libsphinxbase (libsphinxbase-dev).
 *
 *   general_pairs MODEL.lm.bin FIRSTS SECONDS > pairs.tsv
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sphinxbase/err.h>
#include <sphinxbase/logmath.h>
#include <sphinxbase/ngram_model.h>

static char* read_marks(ngram_model_t* lm, const char* path, int n) {
  char* marks = calloc((size_t)n, 1);
  FILE* f = fopen(path, "r");
  char line[512];
  if (!f || !marks) {
    fprintf(stderr, "general_pairs: %s: cannot read\n", path);
    exit(2);
  }
  while (fgets(line, sizeof line, f)) {
    line[strcspn(line, "\r\n")] = 0;
    int32 w = ngram_wid(lm, line);
    if (w >= 0 && w < n && w != ngram_unknown_wid(lm)) marks[w] = 1;
  }
  fclose(f);
  return marks;
}

/* A word the collocation rule judges: three or more lower-case ASCII letters. */
static int plain(const char* w) {
  size_t n = strlen(w);
  if (n < 3) return 0;
  for (size_t i = 0; i < n; ++i)
    if (w[i] < 'a' || w[i] > 'z') return 0;
  return 1;
}

int main(int argc, char** argv) {
  if (argc != 4) {
    fprintf(stderr, "usage: general_pairs MODEL.lm.bin FIRSTS SECONDS\n");
    return 2;
  }
  err_set_logfp(NULL);
  logmath_t* lmath = logmath_init(1.0001, 0, 0);
  ngram_model_t* lm = ngram_model_read(NULL, argv[1], NGRAM_AUTO, lmath);
  if (!lm) {
    fprintf(stderr, "general_pairs: %s: not a language model\n", argv[1]);
    return 2;
  }
  int n = (int)ngram_model_get_counts(lm)[0];
  char* firsts = read_marks(lm, argv[2], n);
  char* seconds = read_marks(lm, argv[3], n);
  char* ok = calloc((size_t)n, 1);
  for (int w = 0; w < n; ++w) ok[w] = ngram_word(lm, w) && plain(ngram_word(lm, w));
  for (int a = 0; a < n; ++a) {
    if (!ok[a]) continue;
    for (int b = 0; b < n; ++b) {
      if (!ok[b] || !(firsts[a] || seconds[b])) continue;
      int32 used = 0;
      int32 score = ngram_bg_score(lm, b, a, &used);
      if (used == 2) printf("%s\t%s\t%.4f\n", ngram_word(lm, a), ngram_word(lm, b), logmath_log_to_log10(lmath, score));
    }
  }
  for (int w = 0; w < n; ++w) {
    if (!ok[w]) continue;
    int32 used = 0;
    int32 score = ngram_ng_score(lm, w, NULL, 0, &used);
    printf("#\t%s\t%.4f\n", ngram_word(lm, w), logmath_log_to_log10(lmath, score));
  }
  ngram_model_free(lm);
  logmath_free(lmath);
  free(firsts);
  free(seconds);
  free(ok);
  return 0;
}
