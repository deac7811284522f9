#include "lint/linter.h"

#include <algorithm>
#include <atomic>
#include <exception>
#include <thread>
#include <tuple>
#include <unordered_map>

#include "lint/fix.h"
#include "rules/context.h"
#include "tokenize/tokens.h"

namespace wirelint::lint {
namespace {

constexpr std::size_t kMaxFindingsPerRule = Linter::kMaxFindingsPerRule;

// The finding that counts what the limit left out of a rule's findings.
Diagnostic limit_finding(const rules::Rule& rule, std::size_t dropped, Severity severity, std::size_t offset) {
  Diagnostic d;
  const auto& info = rule.info();
  d.rule = info.id;
  d.severity = severity;
  d.message = std::to_string(dropped) + " more findings of this rule in this file are not reported (at most " +
              std::to_string(kMaxFindingsPerRule) + " a rule and file)";
  d.span = Span{offset, 0};
  d.link = info.link;
  d.category = info.category;
  d.fixable = false;
  return d;
}

class CollectingEmitter : public rules::Emitter {
 public:
  // With `counts`, the limit counts on from them, and finish() leaves its findings out.
  CollectingEmitter(const Document& doc, std::vector<Diagnostic>& out, Linter::FileCounts* counts)
      : doc_(doc), out_(out), counts_(counts ? *counts : own_), carried_(counts != nullptr) {}
  // The segment of the text being linted: its tokens and story context, and where it starts in
  // the document's text (rules give offsets in the segment).
  void set_segment(const tokenize::TokenStream& tokens, const rules::StoryContext& story, std::size_t base) {
    tokens_ = &tokens;
    story_ = &story;
    base_ = base;
  }
  void set_rule(const rules::Rule* rule, Severity severity) {
    rule_ = rule;
    severity_ = severity;
  }
  void emit(std::size_t text_begin, std::size_t text_end, std::string message,
            std::vector<std::string> replacements) override {
    if (silenced(text_begin)) return;
    text_begin += base_;
    text_end += base_;
    // At most kMaxFindingsPerRule findings of a rule in one file: the rest are counted and
    // summed up in one finding (finish), so memory stays bounded on any input (5 MB of quote
    // marks would otherwise be millions of findings).
    auto& over = counts_.over[rule_];
    if (++over.count > kMaxFindingsPerRule) {
      if (over.dropped++ == 0) {
        over.first = std::min(text_begin, doc_.text.size());
        over.severity = severity_;
        if (carried_) over.first_at = doc_.lines.origin_at(doc_.source_offset(over.first));
      }
      return;
    }
    text_end = std::max(text_begin, std::min(text_end, doc_.text.size()));
    Diagnostic d;
    const auto& info = rule_->info();
    d.rule = info.id;
    d.severity = severity_;
    d.message = std::move(message);
    std::size_t b = doc_.source_offset(text_begin), e = std::max(b, doc_.source_end(text_end));
    d.span = Span{b, e - b};
    d.match = doc_.source.substr(b, e - b);
    // Replacements are source text: in markup, a '&' or '<' must be written as a reference.
    if (is_markup(doc_.format))
      for (auto& r : replacements) r = escape_markup_text(r);
    // A replacement equal to the text is no fix at all.
    replacements.erase(std::remove(replacements.begin(), replacements.end(), d.match), replacements.end());
    d.replacements = std::move(replacements);
    d.link = info.link;
    d.category = info.category;
    // A span across a tag ("spy <em>agency</em>") is reported, but rewriting it would rewrite
    // the tag: only a span inside one text node may be fixed. Text the markup reader could not
    // place in the source (libxml2's HTML parser drops some control characters) maps to one
    // offset: its findings have an empty span, and a fix would insert the replacement there. A
    // span that starts in such text and ends in a placed node maps to fewer source bytes than it
    // has text (placed markup text is never longer than its source: a reference is longer than
    // the character it stands for), and a fix would duplicate the text: not fixable either.
    d.fixable = info.fixable && doc_.within_text_node(b, e) && (e > b || text_end == text_begin) &&
                (!is_markup(doc_.format) || e - b >= text_end - text_begin);
    out_.push_back(std::move(d));
  }

  // Whether the rule's data silences a finding at `text_begin` in its context (unless_context).
  bool silenced(std::size_t text_begin) const {
    const auto& info = rule_->info();
    const auto& story = *story_;
    const auto& tokens = *tokens_;
    if ((info.unless_headline && story.in_part(text_begin, Scope::headline)) ||
        (info.unless_title_case_headline && story.in_title_case_headline(text_begin)) ||
        (info.unless_byline && story.in_part(text_begin, Scope::byline)) ||
        (info.unless_dateline && story.in_part(text_begin, Scope::dateline)))
      return true;
    if (!info.unless_quoted && !info.unless_framed && !info.unless_attributed) return false;
    // The token the finding starts in.
    std::size_t lo = 0, hi = tokens.size();
    while (lo < hi) {
      std::size_t mid = (lo + hi) / 2;
      if (tokens[mid].end <= text_begin) lo = mid + 1;
      else hi = mid;
    }
    if (lo >= tokens.size()) return false;
    return (info.unless_quoted && story.quoted(lo)) || (info.unless_framed && story.framed(lo)) ||
           (info.unless_attributed && story.attributed(lo));
  }

  // One finding for each rule that reached the limit, at its first unreported finding.
  Linter::FileCounts& counts() { return counts_; }

  void finish() {
    if (carried_) return;
    for (const auto& [rule, over] : counts_.over)
      if (over.dropped > 0)
        out_.push_back(limit_finding(*rule, over.dropped, over.severity, doc_.source_offset(over.first)));
  }

 private:
  const Document& doc_;
  std::vector<Diagnostic>& out_;
  Linter::FileCounts own_;
  Linter::FileCounts& counts_;
  bool carried_;
  const tokenize::TokenStream* tokens_ = nullptr;
  const rules::StoryContext* story_ = nullptr;
  std::size_t base_ = 0;
  const rules::Rule* rule_ = nullptr;
  Severity severity_ = Severity::warning;
};

}  // namespace

// A fallback rule (spelling) says less than a specific rule on the same words ("uavs" is an
// unknown word, but the acronym rule knows it is UAVs): keep only the specific one.
void Linter::drop_fallbacks(std::vector<Diagnostic>& out) const {
  std::vector<std::pair<std::size_t, std::size_t>> specific;
  for (const auto& d : out) {
    const rules::Rule* r = rules_.find(d.rule);
    if (r && !r->info().fallback) specific.emplace_back(d.span.offset, d.span.end());
  }
  if (specific.empty()) return;
  std::sort(specific.begin(), specific.end());
  out.erase(std::remove_if(out.begin(), out.end(),
                           [&](const Diagnostic& d) {
                             const rules::Rule* r = rules_.find(d.rule);
                             if (!r || !r->info().fallback) return false;
                             for (const auto& [b, e] : specific) {
                               if (b >= d.span.end()) break;
                               if (e > d.span.offset) return true;
                             }
                             return false;
                           }),
            out.end());
}

RuleSelection RuleSelection::defaults(const rules::RuleSet& rules, std::string_view style) {
  RuleSelection s;
  for (const auto& r : rules.rules()) {
    const auto& styles = r->info().styles;
    bool in_style = styles.empty() || std::find(styles.begin(), styles.end(), style) != styles.end();
    s.enabled.push_back(r->info().enabled && in_style);
    s.severity.push_back(r->info().severity);
    s.threshold.emplace_back();
  }
  return s;
}

RuleSelection RuleSelection::only(const rules::RuleSet& rules, int index) {
  RuleSelection s = defaults(rules);
  std::fill(s.enabled.begin(), s.enabled.end(), false);
  if (index >= 0 && static_cast<std::size_t>(index) < s.enabled.size()) s.enabled[index] = true;
  return s;
}

std::optional<std::string> RuleSelection::set_enabled(const rules::RuleSet& rules, const std::vector<std::string>& ids,
                                                      bool on) {
  for (const auto& id : ids) {
    int i = rules.index_of(id);
    if (i < 0) return id;
    enabled[i] = on;
  }
  return std::nullopt;
}

std::optional<std::string> RuleSelection::apply_overrides(const rules::RuleSet& rules,
                                                          const std::vector<std::string>& enable,
                                                          const std::vector<std::string>& disable,
                                                          const std::vector<std::string>& only) {
  if (auto bad = set_enabled(rules, enable, true)) return bad;
  if (auto bad = set_enabled(rules, disable, false)) return bad;
  if (only.empty()) return std::nullopt;
  std::fill(enabled.begin(), enabled.end(), false);
  return set_enabled(rules, only, true);
}

std::size_t Linter::segment_end(std::string_view text, std::size_t begin, std::size_t size) {
  size = std::max<std::size_t>(size, 2);
  if (text.size() - begin <= size) return text.size();
  const std::size_t least = begin + size / 2, most = begin + size;
  // After the last blank line in [least, most): "\n", spaces, tabs or CRs, "\n".
  for (std::size_t i = most; i > least; --i) {
    if (text[i - 1] != '\n') continue;
    std::size_t j = i - 1;
    while (j > begin && (text[j - 1] == ' ' || text[j - 1] == '\t' || text[j - 1] == '\r')) --j;
    if (j > begin && text[j - 1] == '\n') return i;
  }
  for (char c : {'\n', ' '})
    for (std::size_t i = most; i > least; --i)
      if (text[i - 1] == c) return i;
  std::size_t i = most;
  while (i > least && (static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) --i;  // not inside a character
  return i;
}

std::vector<std::pair<LineOrigin, Diagnostic>> Linter::limit_findings(const FileCounts& counts) {
  std::vector<std::pair<LineOrigin, Diagnostic>> out;
  for (const auto& [rule, over] : counts.over)
    if (over.dropped > 0) out.emplace_back(over.first_at, limit_finding(*rule, over.dropped, over.severity, 0));
  std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) {
    return std::tie(a.first.offset, a.second.rule) < std::tie(b.first.offset, b.second.rule);
  });
  return out;
}

std::vector<Diagnostic> Linter::lint(const Document& doc, const RuleSelection& selection, Date date,
                                     std::size_t* words, std::size_t segment_bytes, FileCounts* counts,
                                     unsigned threads) const {
  std::vector<Diagnostic> out;
  if (words) *words = 0;
  CollectingEmitter emitter(doc, out, counts);
  const auto& all = rules_.rules();
  const std::string_view text(doc.text);
  // Markup's parts (doc.scopes) are ranges of the whole text: markup is linted whole.
  const std::size_t segment = is_markup(doc.format) || !doc.scopes.empty() ? text.size() : segment_bytes;
  std::size_t begin = 0;
  do {
    const std::size_t end = segment >= text.size() ? text.size() : segment_end(text, begin, segment);
    tokenize::TokenStream tokens(text.substr(begin, end - begin));
    if (words)
      for (const auto& t : tokens.tokens()) *words += t.kind != tokenize::TokenKind::punct;
    std::vector<rules::Mention> mentions;
    if (entities_) mentions = entities_->find(tokens);
    rules::StoryContext story(tokens, rules_.context_data(), doc.scopes);
    rules::LintContext ctx{doc,        tokens,   doc.date.value_or(date), spell_, &selection.accepted_words,
                           entities_,  entities_ ? &mentions : nullptr, synonyms_, real_names_, bigrams_,
                           exact_names_, &story, nullptr, nullptr, std::nullopt};
    ctx.ngrams = selection.ngrams ? selection.ngrams : ngrams_;
    ctx.collocation_synonyms = collocation_synonyms_;
    emitter.set_segment(tokens, story, begin);

    std::vector<match::PhraseHit> hits;
    rules_.phrases().match(tokens, hits);
    const auto& owners = rules_.phrase_owners();
    for (const auto& hit : hits) {
      const auto& owner = owners[hit.pattern];
      if (!selection.enabled[owner.rule]) continue;
      emitter.set_rule(all[owner.rule].get(), selection.severity[owner.rule]);
      ctx.threshold = owner.rule < selection.threshold.size() ? selection.threshold[owner.rule] : std::nullopt;
      all[owner.rule]->on_phrase(ctx, hit, owner.local, emitter);
    }
    // The scanning rules, each taken by the next of `threads` threads that is free. Each rule
    // emits into its own list, with its own count toward the limit, and the lists join in rule
    // order: the findings, their order and the counts do not depend on the threads.
    std::vector<std::size_t> scanning;
    for (std::size_t i = 0; i < all.size(); ++i)
      if (selection.enabled[i] && all[i]->scans()) scanning.push_back(i);
    std::vector<std::vector<Diagnostic>> found(scanning.size());
    std::vector<FileCounts> counted(scanning.size());
    std::vector<std::exception_ptr> failed(scanning.size());
    for (std::size_t k = 0; k < scanning.size(); ++k) {
      auto it = emitter.counts().over.find(all[scanning[k]].get());
      if (it != emitter.counts().over.end()) counted[k].over.insert(*it);
    }
    std::atomic<std::size_t> next{0};
    auto work = [&] {
      rules::LintContext own = ctx;
      for (std::size_t k; (k = next.fetch_add(1)) < scanning.size();) {
        std::size_t i = scanning[k];
        try {
          CollectingEmitter one(doc, found[k], &counted[k]);
          one.set_segment(tokens, story, begin);
          one.set_rule(all[i].get(), selection.severity[i]);
          own.threshold = i < selection.threshold.size() ? selection.threshold[i] : std::nullopt;
          all[i]->check(own, one);
        } catch (...) {
          failed[k] = std::current_exception();
        }
      }
    };
    std::vector<std::thread> helpers;
    for (unsigned t = 1; t < threads && t < scanning.size(); ++t) helpers.emplace_back(work);
    work();
    for (auto& h : helpers) h.join();
    for (std::size_t k = 0; k < scanning.size(); ++k) {
      if (failed[k]) std::rethrow_exception(failed[k]);
      out.insert(out.end(), std::make_move_iterator(found[k].begin()), std::make_move_iterator(found[k].end()));
      for (auto& [rule, over] : counted[k].over) emitter.counts().over[rule] = over;
    }
    begin = end;
  } while (begin < text.size());

  emitter.finish();
  drop_fallbacks(out);
  std::sort(out.begin(), out.end(), [](const Diagnostic& a, const Diagnostic& b) {
    return std::tie(a.span.offset, a.span.length, a.rule) < std::tie(b.span.offset, b.span.length, b.rule);
  });
  // The same rule at the same place once only (two variants of a phrase may both match).
  out.erase(std::unique(out.begin(), out.end(),
                        [](const Diagnostic& a, const Diagnostic& b) {
                          return a.rule == b.rule && a.span.offset == b.span.offset &&
                                 a.span.length == b.span.length;
                        }),
            out.end());
  return out;
}

}  // namespace wirelint::lint
