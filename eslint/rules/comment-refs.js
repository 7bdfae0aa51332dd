/**
 * `qingdu/comment-refs`: a comment must point at something a reader of this repository can open: a file, a fixture,
 * a test. Flags issue numbers (the word "issue" followed by a number, or a hash and a number) and paths into the
 * workspace folder beside the repository (dot-dot-slash shared). Strings are not comments: an import path or a CLI
 * default naming that folder is not reported. Examples of each kind: test/unit/lint-rules.test.ts.
 */
const PATTERNS = [
  // `issue N`, `issue #N`, `issue#N`, `issue no. N`, `issues: N`, `issues/N` (a tracker URL), N a number
  { re: /\bissues?\s*(?:#|no\.?|:|\/)?\s*\d+/i, what: 'an issue number' },
  // A hash and digits as a reference, after anything but an HTML entity's `&` (PR, repository name or 参见 before the
  // hash; test/unit/lint-rules.test.ts); a colour with hex letters in it is left alone.
  { re: /(^|[^&])#\d+(?![\w-])/, what: 'an issue reference (#N)' },
  { re: /\bGH-\d+\b/, what: 'an issue reference (GH-N)' },
  { re: /(^|[^\w/.])\.\.\/shared\//, what: 'a path outside the repository (../shared/…)' },
];

/** @type {import('eslint').Rule.RuleModule} */
export default {
  meta: {
    type: 'suggestion',
    docs: { description: 'Comments point inside the repository (a fixture, a test), not at issues or ../shared' },
    schema: [],
    messages: {
      outside:
        'Comment points outside the repository: {{what}} ("{{text}}"). Name the fixture, test or file (path from the repository root) instead.',
    },
  },
  create(context) {
    return {
      Program() {
        for (const comment of context.sourceCode.getAllComments()) {
          // (one report a comment: the first kind of reference it holds)
          for (const { re, what } of PATTERNS) {
            const m = re.exec(comment.value);
            if (!m) continue;
            context.report({ loc: comment.loc, messageId: 'outside', data: { what, text: m[0].trim() } });
            break;
          }
        }
      },
    };
  },
};
