// Kind "article": "a" or "an" before a word whose first sound calls for the other ("a eminently",
// "an big"). The choice follows the sound, not the letter, so the rule carries its exceptions as
// data: words spelt with a vowel but said with a consonant ("university", "one", "European"),
// words spelt with "h" but said with a vowel ("hour", "honest"), words where both are accepted
// ("an historic" is good British usage), and article-like words in foreign names ("Frankfurt
// an der Oder"). An entry ending in "*" is a prefix.
//
// Skipped because the sound cannot be read off the spelling: all-caps and mixed-case words
// (initialisms are said as letters, "an FBI", acronyms as words, "a NATO"; "an mRNA"),
// non-ASCII initials, lone letters other than a capital before a hyphen ("an X-ray",
// "a U-turn"), and numbers whose reading is ambiguous ("1,800" is "one thousand" or
// "eighteen hundred").
#include <algorithm>
#include <optional>

#include "dictionary/spell_checker.h"
#include "rules/kinds/registry.h"
#include "rules/kinds/typography/util.h"

namespace wirelint::rules {
namespace {

using tokenize::CaseShape;
using tokenize::TokenKind;

enum class Sound { unknown, vowel, consonant };

// Exact words and "prefix*" entries; a lookup costs one probe per prefix length, whatever the
// number of entries.
class WordPatterns {
 public:
  WordPatterns() = default;
  WordPatterns(TableReader& table, const std::string& key) {
    for (const auto& raw : table.strings(key)) {
      std::string w = models::lower(raw);
      bool prefix = !w.empty() && w.back() == '*';
      if (prefix) w.pop_back();
      if (w.empty() || w.find_first_of(" \t*") != std::string::npos)
        table.fail(key, "entries are words or \"prefix*\": \"" + raw + "\"");
      if (prefix) {
        max_prefix_ = std::max(max_prefix_, w.size());
        prefixes_.insert(std::move(w));
      } else {
        exact_.insert(std::move(w));
      }
    }
  }
  bool matches(std::string_view w) const {
    if (exact_.count(std::string(w))) return true;
    for (std::size_t n = 1; n <= max_prefix_ && n <= w.size(); ++n)
      if (prefixes_.count(std::string(w.substr(0, n)))) return true;
    return false;
  }

 private:
  std::unordered_set<std::string> exact_, prefixes_;
  std::size_t max_prefix_ = 0;
};

bool is_vowel_letter(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'; }

// Read as a whole ("an 8", "an 11", "an 18,000", "an 80", "a 1.5"): the first word said is what
// counts. Digit groups give the magnitude; "11" and "18" lead with "eleven"/"eighteen" only when
// they are a whole group (11, 11,000, 18 million), and a four-digit figure starting with 11 or
// 18 may be read either way (years, "eighteen hundred").
Sound number_sound(std::string_view n) {
  std::string digits;
  for (char c : n) {
    if (typography::is_ascii_digit(c)) digits.push_back(c);
    else if (c == ',') continue;
    else break;  // decimal point or anything else ends the integer part
  }
  if (digits.empty()) return Sound::unknown;
  if (digits[0] == '8') return Sound::vowel;
  if (digits.size() >= 2 && digits[0] == '1' && (digits[1] == '1' || digits[1] == '8')) {
    switch (digits.size() % 3) {
      case 2: return Sound::vowel;       // 11, 18, 11,000, 18,500,000
      case 1: return Sound::unknown;     // 1,100, 1800, 1,800,000
      default: return Sound::consonant;  // 110, 180: "one hundred …"
    }
  }
  return Sound::consonant;
}

class ArticleRule : public Rule {
 public:
  ArticleRule(RuleInfo info, TableReader& table) : Rule(std::move(info)) {
    consonant_sound_ = WordPatterns(table, "consonant_sound");
    vowel_sound_ = WordPatterns(table, "vowel_sound");
    either_sound_ = WordPatterns(table, "either_sound");
    auto letters = table.string("vowel_sound_letters").value_or("");
    for (char c : letters) {
      if (!(c >= 'A' && c <= 'Z')) table.fail("vowel_sound_letters", "expected capital letters A-Z only");
      vowel_letters_[static_cast<unsigned char>(c)] = true;
    }
    not_after_article_ = typography::word_set(table, "not_after_article");
    holds_article_ = typography::word_set(table, "holds_article");
    plural_verbs_ = typography::word_set(table, "plural_followers");
    plural_singulars_ = typography::word_set(table, "plural_singulars");
    plural_message_ = table.string("plural_message").value_or("");
    for (const auto& p : table.strings("exceptions")) {
      auto sp = p.find(' ');
      if (sp == std::string::npos || p.find(' ', sp + 1) != std::string::npos)
        table.fail("exceptions", "entries are an article and the word after it: \"" + p + "\"");
      exceptions_.insert(models::lower(p));
    }
  }

  bool scans() const override { return true; }

  void check(const LintContext& ctx, Emitter& out) const override {
    const auto& ts = ctx.tokens;
    for (std::size_t i = 0; i + 1 < ts.size(); ++i) {
      const auto& t = ts[i];
      if (!t.is_word() || t.length() > 2) continue;
      std::string_view art = ts.surface(i);
      bool is_an;
      if (art == "a" || art == "A") is_an = false;
      else if (art == "an" || art == "An") is_an = true;
      else continue;
      // A capital "A" in mid-sentence is a label ("Class A shares", "type A influenza"), and
      // "An" a name ("An Cheol-soo"); only the sentence-initial article is an article for sure.
      if (art[0] != 'a' && !t.sentence_start && !after_opening_mark(ts, i)) continue;
      // "Grade-A", "vitamin-a": part of a compound, not an article.
      if (i > 0 && !t.space_before && ts[i - 1].kind == TokenKind::punct && ts.surface(i - 1) != "“" &&
          ts.surface(i - 1) != "\"" && ts.surface(i - 1) != "(")
        continue;
      const auto& n = ts[i + 1];
      if (!n.space_before || n.paragraph_before || n.kind == TokenKind::punct) continue;
      // Between two capitalized words mid-sentence the letters are a name's particle ("Waw an
      // Namus", "Hodh a Gharbi"), not an English article.
      if (art[0] == 'a' && i > 0 && ts[i - 1].is_word() && !ts.opens_sentence(i - 1) &&
          ts[i - 1].shape == CaseShape::capitalized && n.is_word() && n.shape == CaseShape::capitalized)
        continue;
      // "An Nil", "An Najaf": the Arabic article, its "n" the next word's first letter, before a
      // name that is no English word ("An Nigerian" is English and still judged).
      if (art == "An" && n.is_word() && n.shape == CaseShape::capitalized && ts.surface(i + 1)[0] == 'N' &&
          ctx.spell && !ctx.spell->known(ts.surface(i + 1)) && !ctx.spell->known(ts.folded(i + 1)))
        continue;
      // "an the", "a about", "A and P": the article is not what is wrong (a word is missing or
      // stray, or the letter is a name), so its sound is no guide.
      if (n.is_word() && not_after_article_.count(std::string(ts.folded(i + 1)))) continue;
      // "a another", "an another": the word holds its own article; the fix drops the stray one.
      if (n.is_word() && holds_article_.count(std::string(ts.folded(i + 1)))) {
        std::size_t b = t.begin, e = n.end;
        std::string repl(ts.surface(i + 1));
        if (art[0] == 'A' && repl[0] >= 'a' && repl[0] <= 'z') repl[0] = static_cast<char>(repl[0] - 32);
        out.emit(b, e, format_message(ts.text().substr(b, e - b), repl), {repl});
        continue;
      }
      Sound s = sound_of(ts, i + 1);
      // "a officials said": a plural after the article, ending its phrase (before a verb of
      // `plural_followers` or a punctuation mark), is the error; "an officials" would be none
      // the better. Either the article goes or the noun is singular.
      if (!plural_message_.empty()) {
        if (auto singular = plural_noun(ctx, i + 1)) {
          std::string lead = (s == Sound::vowel) ? "an" : (s == Sound::consonant ? "a" : std::string(art));
          if (art[0] == 'A') lead[0] = static_cast<char>(lead[0] - 32);
          std::string plural(ts.surface(i + 1));
          if (art[0] == 'A') plural[0] = static_cast<char>(plural[0] - 32);
          std::size_t b = t.begin, e = n.end;
          std::string message = fill(plural_message_, ts.text().substr(b, e - b), lead + " " + *singular);
          out.emit(b, e, std::move(message), {lead + " " + *singular, plural});
          continue;
        }
      }
      if (s == Sound::unknown) continue;
      bool want_an = s == Sound::vowel;
      if (want_an == is_an) continue;
      std::string key(ts.folded(i));
      key += ' ';
      key += ts.folded(i + 1);
      if (exceptions_.count(key)) continue;
      std::string fixed = want_an ? "an" : "a";
      if (art[0] == 'A') fixed[0] = static_cast<char>(fixed[0] - 32);
      std::size_t b = t.begin, e = n.end;
      std::string repl = fixed + std::string(ts.text().substr(t.end, e - t.end));
      out.emit(b, e, format_message(ts.text().substr(b, e - b), repl), {repl});
    }
  }

 private:
  // The singular of the lower-case regular plural at token k when the phrase ends after it.
  std::optional<std::string> plural_noun(const LintContext& ctx, std::size_t k) const {
    const auto& ts = ctx.tokens;
    if (!ctx.spell || k + 1 >= ts.size() || ts[k].shape != CaseShape::lower) return std::nullopt;
    std::string w(ts.folded(k));
    if (w.size() < 4 || w.back() != 's' || plural_singulars_.count(w)) return std::nullopt;
    if (w.compare(w.size() - 2, 2, "ss") == 0 || w.compare(w.size() - 2, 2, "us") == 0 ||
        w.compare(w.size() - 2, 2, "is") == 0)
      return std::nullopt;
    const auto& next = ts[k + 1];
    std::string_view after = ts.surface(k + 1);
    bool ends = next.kind == TokenKind::punct ? (after == "." || after == "," || after == ";" || after == ":")
                                              : plural_verbs_.count(std::string(ts.folded(k + 1))) > 0;
    if (!ends || !ctx.spell->known(w)) return std::nullopt;
    // "a paints, resins and coatings company": the first of a list of modifiers; the comma
    // does not end the phrase when "and" or "or" comes before the next punctuation mark.
    if (after == ",")
      for (std::size_t j = k + 2; j < ts.size() && j < k + 10 && ts[j].kind != TokenKind::punct; ++j)
        if (ts.folded(j) == "and" || ts.folded(j) == "or") return std::nullopt;
    std::vector<std::string> singulars;
    if (w.size() > 4 && w.compare(w.size() - 3, 3, "ies") == 0) singulars.push_back(w.substr(0, w.size() - 3) + "y");
    if (w.compare(w.size() - 2, 2, "es") == 0) singulars.push_back(w.substr(0, w.size() - 2));
    singulars.push_back(w.substr(0, w.size() - 1));
    for (const auto& one : singulars)
      if (one.size() >= 3 && ctx.spell->known(one)) return one;
    return std::nullopt;
  }

  static std::string fill(const std::string& pattern, std::string_view match, const std::string& expected) {
    std::string out = pattern;
    for (auto [key, value] : {std::pair<std::string, std::string>{"{match}", std::string(match)}, {"{expected}", expected}})
      for (auto at = out.find(key); at != std::string::npos; at = out.find(key, at + value.size()))
        out.replace(at, key.size(), value);
    return out;
  }

  static bool after_opening_mark(const tokenize::TokenStream& ts, std::size_t i) {
    if (i == 0 || ts[i].space_before) return false;
    std::string_view p = ts.surface(i - 1);
    return p == "“" || p == "\"" || p == "‘" || p == "(";
  }

  Sound sound_of(const tokenize::TokenStream& ts, std::size_t k) const {
    const auto& w = ts[k];
    if (w.kind == TokenKind::number) return number_sound(ts.surface(k));
    std::string_view s = ts.surface(k);
    if (s.size() == 1) {
      // A lone capital before a hyphen is said as its letter name: "an F-16", "a U-turn".
      if (s[0] >= 'A' && s[0] <= 'Z' && typography::is_punct(ts, k + 1, "-") && !ts[k + 1].space_before)
        return vowel_letters_[static_cast<unsigned char>(s[0])] ? Sound::vowel : Sound::consonant;
      return Sound::unknown;
    }
    if (w.shape != CaseShape::lower && w.shape != CaseShape::capitalized) return Sound::unknown;
    std::string_view f = ts.folded(k);
    char c = f[0];
    if (!typography::is_ascii_alpha(c)) return Sound::unknown;
    if (either_sound_.matches(f)) return Sound::unknown;
    if (is_vowel_letter(c)) return consonant_sound_.matches(f) ? Sound::consonant : Sound::vowel;
    return vowel_sound_.matches(f) ? Sound::vowel : Sound::consonant;
  }

  WordPatterns consonant_sound_, vowel_sound_, either_sound_;
  bool vowel_letters_[256] = {};
  std::unordered_set<std::string> exceptions_, not_after_article_, holds_article_, plural_verbs_, plural_singulars_;
  std::string plural_message_;
};

}  // namespace

std::unique_ptr<Rule> make_article_rule(RuleInfo info, TableReader& table) {
  return std::make_unique<ArticleRule>(std::move(info), table);
}

}  // namespace wirelint::rules
