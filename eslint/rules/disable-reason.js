/**
 * `qingdu/disable-reason`: an `eslint-disable…` comment names the rules it turns off and says why, after ` -- `
 * (ESLint's own description syntax): `// eslint-disable-next-line no-var -- a global shared by two bundles`.
 * Unused directives are reported by ESLint itself (`linterOptions.reportUnusedDisableDirectives`).
 */
// (an inline configuration, `/* eslint max-len: off */`, turns rules off for the whole file: it needs a reason too)
const DIRECTIVE = /^\s*eslint(-disable(-next-line|-line)?)?(\s|$)/;

/** @type {import('eslint').Rule.RuleModule} */
export default {
  meta: {
    type: 'suggestion',
    docs: { description: 'eslint-disable comments name their rules and give a reason after --' },
    schema: [],
    messages: {
      noRules: 'An eslint-disable comment names the rules it turns off.',
      noReason: 'An eslint-disable comment gives its reason after " -- ".',
    },
  },
  create(context) {
    return {
      Program() {
        for (const comment of context.sourceCode.getAllComments()) {
          const m = DIRECTIVE.exec(comment.value);
          if (!m) continue;
          const [rules, reason] = ` ${comment.value.slice(m[0].length)}`.split(/\s--\s/, 2);
          if (!rules.trim()) context.report({ loc: comment.loc, messageId: 'noRules' });
          else if (!reason?.trim()) context.report({ loc: comment.loc, messageId: 'noReason' });
        }
      },
    };
  },
};
