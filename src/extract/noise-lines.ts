/**
 * In-body noise lines: a short block whose whole text is a credit (原标题, 本文来源, 责任编辑, 执笔人), a player
 * placeholder, an e-paper credit, a first-published or reprint notice, a mailing prompt, an app promo, a hotline
 * notice, a portal's more-news or follow line, a pager, a footer line. Every pattern is anchored at the start of the
 * line (after an optional bracket or ※-like mark, vocabulary.ts LINE_MARKS) or reads the whole line, so a sentence
 * that only contains the words stays: the negative controls of test/fixtures/kinds (body-*-control-*.html) hold prose
 * of each kind. Sources: the corpus labels `body_noise` and `must_not_contain` (test/fixtures/corpus/labels.jsonl),
 * cases 03, 15, 16, 17 and 22 (test/fixtures/cases), the kinds fixtures. The words are vocabulary.ts lists.
 */
import { countChars } from './cjk';
import {
  APP_NOUNS,
  APP_VERBS,
  CAPTION_OPENINGS,
  COPYRIGHT_NOUNS,
  CREDIT_LINE_LABELS,
  DISCLAIMER_OBJECTS,
  DISCLAIMER_SUBJECTS,
  DISCLAIMER_WORDS,
  DATE_LINE_LABELS,
  FIRST_PUBLISHED_VERBS,
  FOLLOW_CHANNELS,
  FOLLOW_VERBS,
  HOTLINE_NOUNS,
  HOTLINE_OPENINGS,
  LINE_MARKS,
  MAIL_PROMPT_HEADS,
  MORE_NEWS_ENDINGS,
  MORE_NEWS_OPENINGS,
  NOTICE_SUBJECTS,
  PADDED_ROLE_LABELS,
  PAPER_CREDIT_LABELS,
  PERMISSIONS,
  PHOTO_CREDITS,
  PLAYER_NOUNS,
  PLAYER_STATES,
  PROHIBITIONS,
  RELATED_LINES,
  REPRINT_WORDS,
  SOCIAL_PROMPTS,
  SOURCE_LINE_LABELS,
  WARNING_SLOGANS,
  anyOf,
  anyOfPadded,
} from './vocabulary';

/** A block of this many characters or fewer may be a noise line (long paragraphs are prose even if they match). */
export const NOISE_MAX = 120;

/** The start of a line: optional opening brackets and marks (`【`, `（`, `※`, `▸`), then spaces. */
const LEAD = `^[（(【[〔［「${LINE_MARKS.map((m) => `\\${m}`).join('')}\\s]*`;

/** A regular expression anchored at LEAD (`body` is regex source). */
function lead(body: string): RegExp {
  return new RegExp(`${LEAD}(${body})`);
}

/** A date as papers print it (`2023年5月12日`, `2023-05-12`). */
const DATE = '(19|20)\\d{2}\\s*[年.\\-/]\\s*\\d{1,2}\\s*[月.\\-/]\\s*\\d{1,2}\\s*日?';
/** A page of a paper (`05版`, `第 5 版`, `A3版`). */
const PAGE = '第?\\s*[A-Za-z]?\\s*\\d{1,3}\\s*版';
/** A paper's name: in book brackets, or a name ending in 报/報/刊. */
const PAPER = '(《[^》]{2,24}》|[\\u4e00-\\u9fff]{2,10}(报|報|刊))';
const OPEN = '[（(【\\[\\s]*';
const CLOSE = '[）)】\\]\\s。.]*$';

/**
 * An e-paper credit: the whole line names a paper, a date and maybe a page (`《江川日报》（2023年05月12日 05版）`,
 * `来源：《…》2023年5月12日第5版`, `（原载2023年5月12日《…》第3版）`). A sentence citing a paper has more words.
 */
const PAPER_CREDIT: readonly RegExp[] = [
  new RegExp(
    `^${OPEN}((${anyOf(PAPER_CREDIT_LABELS)})\\s*[:：]?\\s*)?${PAPER}\\s*[（(]?\\s*${DATE}\\s*[，,]?\\s*(${PAGE})?${CLOSE}`,
  ),
  new RegExp(`^${OPEN}(${anyOf(PAPER_CREDIT_LABELS)})\\s*[:：]?\\s*${DATE}\\s*${PAPER}\\s*(${PAGE})?${CLOSE}`),
];

/** A video player's placeholder, the whole line (`您的浏览器暂时无法播放此视频。`, `视频加载失败，请刷新页面再试`). */
const PLAYER_LINE = new RegExp(
  `^(您的|你的|当前|當前|此|该|該)?\\s*(${anyOf(PLAYER_NOUNS)})\\s*(标签|標籤)?\\s*(${anyOf(PLAYER_STATES)})` +
    `\\s*(此|该|該|这个|這個)?\\s*(${anyOf(PLAYER_NOUNS)})?\\s*(标签|標籤|播放|格式)?` +
    `([，,、\\s][^。]{0,20})?[。.！!…\\s]*$`,
);

/** A request to install or update a player (`请升级浏览器`, `請安裝Flash播放器`). */
const PLAYER_REQUEST = new RegExp(
  `^(请|請)(安装|安裝|升级|升級|更新|下载|下載|使用)[^。，]{0,12}(${anyOf(PLAYER_NOUNS)})[^。]{0,16}$`,
);

/** A notice about the text itself: first published or came from (`本文首发于…`, `首发于微信公众号…`). */
const FIRST_PUBLISHED = `(${anyOf(NOTICE_SUBJECTS)})?(首发|首發)(于|於|在)|(${anyOf(NOTICE_SUBJECTS)})(${anyOf(
  FIRST_PUBLISHED_VERBS,
)})|(${anyOf(NOTICE_SUBJECTS)})(由|经|經|获|獲)[^。，]{1,24}(授权|授權)`;

/** A reprint or copyright notice (`未经授权，禁止转载`, `版权归…所有`, `转载请注明出处`, `本网原创稿件`). */
const REPRINT =
  `(未经|未經)[^。]{0,16}(${anyOf(PERMISSIONS)})|(${anyOf(COPYRIGHT_NOUNS)})(所有|归|歸|属于|屬於|声明|聲明)` +
  `|(${anyOf(NOTICE_SUBJECTS)})[^。，]{0,20}(原创|原創|独家|獨家)(稿件|文章|内容|內容|作品|[，,。；]|$)` +
  `|(转载|轉載)(请|請|须|須|务必|務必|时|時)` +
  `|(如需|如要|若需|欢迎|歡迎)(转载|轉載)|(${anyOf(PROHIBITIONS)})(任何)?(${anyOf(REPRINT_WORDS)})`;

/** A notice line: FIRST_PUBLISHED or REPRINT at the start, after an optional 注：/声明： label. */
const NOTICE = lead(
  `((注|註|声明|聲明|版权声明|版權聲明|特别声明|特別聲明)\\s*[:：]\\s*)?(${FIRST_PUBLISHED}|${REPRINT})`,
);

/** A sentence start inside a line: after 。！？；, or at its start. */
const NOTICE_SENTENCE = new RegExp(`(^|[。！？；!?;]\\s*)(${FIRST_PUBLISHED}|${REPRINT})`);

/** A line wholly in brackets (`【…权益归…所有。未经授权，不得转载。】`, corpus qq-peer). */
const BRACKETED = /^\s*([【[（(〔［])[\s\S]*([】\]）)〕］])\s*$/;

/** A Taiwanese portal's health or investment warning (`★…提醒您：飲酒過量，有害健康。`, `【警語】禁止酒駕…`). */
const WARNING = lead(
  `([^：:，。]{0,12}(提醒您|提醒你)\\s*[:：]\\s*)?((警語|警语)[】\\]:：]?\\s*)?(${anyOf(WARNING_SLOGANS)})([，,。！!；;\\s]|$)`,
);

/** An opinion disclaimer (`本文不代表本站立场`, `*文章为作者独立观点，不代表虎嗅网立场`). */
const DISCLAIMER = lead(
  `(${anyOf(DISCLAIMER_SUBJECTS)})[^。]{0,40}(${anyOf(DISCLAIMER_WORDS)})[^。，]{0,20}(${anyOf(DISCLAIMER_OBJECTS)})`,
);

/** An image-rights notice (`图片来自网络，如有侵权请联系删除`, `文中图片来源于网络，侵删`). */
const IMAGE_RIGHTS = lead('(文中|部分|本文)?(图片|圖片|素材|配图|配圖)[^。]{0,16}(侵权|侵權|侵删|侵刪)');

/** A byline standing alone (`〔記者林志明／台北報導〕`, `（中央社記者林志明台北12日電）`). */
const BYLINE_LINE =
  /^[〔［（(【[]?\s*((特派|實習|实习)?(記者|记者)[^。，,／/]{2,12}[／/][^。，,]{1,10}(報導|报道)|中央社(記者|记者)?[^。，,]{2,16}(電|电))[〕］）)】\]]?$/;

/** A mailing prompt (`投稿邮箱：…`, `新闻线索请发邮件至…`, `爆料熱線 0931…`, `欢迎来信`). */
const MAIL_PROMPT = lead(
  `(如有|若有|如您有|您有|有)?(${anyOf(MAIL_PROMPT_HEADS)})\\s*([:：︰]|请|請|可|发送|發送|发至|發至|寄至|致电|致電|[\\w.+-]+@|[\\d（(]|$)`,
);

/** An app promo (`下载XX客户端，看更多…`, `打开APP阅读全文`, `立即下載【…】App`, `点击下载`). */
const APP_PROMO: readonly RegExp[] = [
  lead(
    `(更多[^，。]{0,12}[，,]?\\s*)?(点击|點擊|扫码|掃碼|立即|马上|馬上|免费|免費|长按|長按|请|請|欢迎|歡迎)?(${anyOf(APP_VERBS)})` +
      `\\s*[^，。]{0,14}(${anyOf(APP_NOUNS)})([^，。]{0,12}|[，,][^。]{0,16})[。.！!]?$`,
  ),
  /^(点击|點擊|扫码|掃碼|立即|马上|馬上)(下载|下載|打开|打開|安装|安裝)[。.！!>》\s]*$/,
  // the promo as the line's last sentence (`…快来新浪众测，…！下载客户端还能获得专享福利哦！`, corpus sina-4)
  new RegExp(
    `[。！？!?~～]\\s*(点击|點擊|立即|马上|馬上)?(${anyOf(APP_VERBS)})[^，。！!]{0,10}(${anyOf(APP_NOUNS)})[^。！!]{0,16}[。！!~～]*$`,
  ),
];

/** A follow or subscribe line (`更多精彩内容，请关注…客户端`, `訂閱《…》電子報`, `追蹤…Instagram`). */
const FOLLOW = lead(
  `(更多[^，。]{0,12}[，,]?\\s*)?(请|請|欢迎|歡迎|敬请|敬請|快來|快来)?(${anyOf(FOLLOW_VERBS)})[^。，,]{0,24}` +
    `(${anyOf(FOLLOW_CHANNELS)})[^。]{0,16}$`,
);

/** A portal's more-news line, the whole line (`更多中台新聞網報導`, `看更多ETtoday新聞`). */
export const MORE_NEWS = lead(
  `(${anyOf(MORE_NEWS_OPENINGS)})[^。，！？!?]{0,16}(${anyOf(MORE_NEWS_ENDINGS)})\\s*[>＞》»→】\\]:：]*\\s*$`,
);

/** A hotline notice opening (HOTLINE_OPENINGS), its line naming a hotline. */
const HOTLINE_OPENING = lead(anyOf(HOTLINE_OPENINGS));
const HOTLINE_NOUN = new RegExp(anyOf(HOTLINE_NOUNS));

/** One entry of a hotline list (`生命線協談專線：1995`, `安心專線1925（依舊愛我）`); see hotlineLine. */
const HOTLINE_ENTRY = new RegExp(
  `[^，。；;、\\s※＊*]{0,16}(${anyOf(HOTLINE_NOUNS)})\\s*[:：]?\\s*\\d[\\d\\s-]{2,}\\d\\s*([（(][^）)]{0,12}[）)])?`,
  'g',
);

/**
 * A suicide-prevention notice: a HOTLINE_OPENINGS line that names a hotline, or a line made only of hotline entries
 * (`安心專線：1925　生命線協談專線：1995　張老師專線：1980`). A sentence reporting on a hotline has other words.
 */
function hotlineLine(s: string): boolean {
  if (HOTLINE_OPENING.test(s)) return HOTLINE_NOUN.test(s);
  const rest = s.replace(HOTLINE_ENTRY, '');
  return rest !== s && !/[\p{L}\p{N}]/u.test(rest);
}

/**
 * Whole-line noise: a short block whose text matches one of these is not body text (and see isNoiseLine's other
 * tests). Anchored at the start (after optional brackets) so a sentence that merely mentions e.g. 来源 survives.
 */
const NOISE_LINES: readonly RegExp[] = [
  /^[（(【[]?\s*(原标题|原標題)/,
  // thepaper's closing `（原题为《…》）`: the headline the piece first ran under (corpus thepaper-1)
  /^[（(【[]?\s*(原题|原題)(为|為)?\s*[:：]?\s*[《「“]/,
  // a like counter's `+1` left in the body container (corpus xinhuanet-1)
  /^[+＋]\d{1,4}$/,
  new RegExp(`^[（(【[]?\\s*(${anyOf(SOURCE_LINE_LABELS)})\\s*[:：]`),
  /^[（(【[]?\s*(本文)?来自[^，。]{1,20}[，,].{0,20}下载/,
  new RegExp(`^[（(【[]?\\s*(${anyOf(CREDIT_LINE_LABELS)}|${anyOfPadded(PADDED_ROLE_LABELS)})\\s*[:：︰|︱｜/／]`),
  // a writer's credit alone on its line (`文／林志明`, `圖、文／X`); a photo credit (`图/X`) may stand under a picture
  /^[（(【[]?\s*(文|文字|图文|圖文|文、图|文、圖|图、文|圖、文)\s*[／/｜|:：]\s*[^。，,]{1,20}[）)】\]]?$/,
  /^[（(【[]?\s*(免责|特别|版权|平台|郑重)?声明\s*[】\]:：]/,
  /^[（(【[]?\s*(免责声明|特别声明|版权声明)/,
  lead('(本文|文章|以上|上述|文中|内容|所载)[^。]{0,30}(不构成.{0,8}投资建议|仅代表作者(本人)?(个人)?观点)'),
  /^点击进入/,
  /^返回.{0,10}(首页|首頁|搜狐)/,
  PLAYER_LINE,
  PLAYER_REQUEST,
  /^分享\s*[:：]/,
  FOLLOW,
  ...APP_PROMO,
  /^[^，。]{0,16}(粉丝团|粉絲團|按个赞|按個讚)/,
  // a blog's invitation (`如果您喜歡…邀請您到 FB 粉絲團 按個"讚"!`, Readability's pixnet page)
  lead('(如果|如|若)(您|你|妳)?(喜歡|喜欢|覺得|觉得)[^。]{0,40}(粉丝团|粉絲團|按个|按個|按讚|按赞|公众号|公眾號)'),
  /^(正在加载|加载中|載入中)/,
  /^(精彩|热门|熱門|更多)?(视频|視頻|图片|圖片)?推荐$/,
  NOTICE,
  /^(文章)?(关键词|關鍵詞|關鍵字)\s*[:：]/,
  /^\S{0,6}声明\s*[:：]/,
  /^(展开全文|查看全文|展开阅读全文|阅读全文|点击查看全文)/,
  /^(文章)?(标签|標籤)\s*[:：]/,
  /(打印本页|关闭窗口|打印此页|收藏本页|【打印】|【关闭】|列印本頁|友善列印|【列印】|關閉視窗|【關閉】)/,
  /^[【[]?\s*字[体号]\s*[:：]?\s*[【[]?\s*大\s*[】\]]?\s*[【[]?\s*中/,
  new RegExp(`^(${anyOf(DATE_LINE_LABELS)})\\s*[:：]`),
  // site footer lines that slip into a body container
  /Copyright|All Rights Reserved|ICP[备证]|^(版权所有|版權所有)|(版权所有|版權所有)$|返回顶部|网站地图|关于我们.{0,6}联系我们|^举报$|违法和不良信息/i,
  /^[^，。]{0,10}举报(电话|邮箱|中心|入口)\s*[:：]/,
  /(浏览次数|阅读次数|点击数|阅读量|浏览量|瀏覽次數|閱讀次數|點閱數|點閱次數|瀏覽量)\s*[:：]/,
  lead('(长按|長按|扫描|掃描|扫码|掃碼|识别|識別|微信扫一扫|微信掃一掃)[^。，]{0,8}(二维码|二維碼)'),
  /^(点击|戳).{0,6}(蓝字|关注|阅读原文)/,
  /^(欢迎|敬请|请)关注/,
  /^(本文)?(转载|转自|摘自)[于自]?\s*[:：]?/,
  // a share or QR prompt, not a sentence that opens with the word (`扫一扫，老人们也学会了手机支付。`: break-it trial)
  /^(分享到|分享至|转发到|转播到|扫一扫|扫描二维码)(?![^。！？]{6,}[。！？]$)/,
  /^发布于\s*[:：]/,
  // a bare timestamp line (date and time) is the info line; a bare date may be a transcript's dateline (corpus cmse-1)
  /^(19|20)\d{2}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}日?\s*\d{1,2}:\d{2}(:\d{2})?$/,
  /^(上一篇|下一篇|上一則|下一則)\s*[:：]/,
  /^(上一页|下一页|首页|尾页|末页)$/,
  new RegExp(`^(${anyOf(RELATED_LINES)})\\s*[:：]?$`),
  MAIL_PROMPT,
  MORE_NEWS,
  WARNING,
  DISCLAIMER,
  IMAGE_RIGHTS,
  BYLINE_LINE,
  // a self-media account's closing line; a wire site's correction link
  /^[-—–_=\s]*END[-—–_=\s]*$/,
  /^[【[]\s*(我要)?纠错\s*[】\]]/,
];

/** A social prompt (`点个“在看”`, `请点赞、在看、分享`) makes a line of at most SOCIAL_MAX characters noise. */
const SOCIAL_PROMPT = new RegExp(anyOf(SOCIAL_PROMPTS));
const SOCIAL_MAX = 30;

/** Is `t` (a block's whole text) a noise line? */
export function isNoiseLine(t: string): boolean {
  const s = t.replace(/^[\s\u3000\u00a0]+|[\s\u3000\u00a0]+$/g, '');
  if (!s || countChars(s) > NOISE_MAX) return false;
  return (
    NOISE_LINES.some((re) => re.test(s)) ||
    PAPER_CREDIT.some((re) => re.test(s)) ||
    hotlineLine(s) ||
    (countChars(s) <= SOCIAL_MAX && SOCIAL_PROMPT.test(s)) ||
    (BRACKETED.test(s) && NOTICE_SENTENCE.test(s.slice(1)))
  );
}

/** The longest photo caption line, in characters. */
export const CAPTION_MAX = 80;

const CAPTION_OPENING = lead(anyOf(CAPTION_OPENINGS));
const PHOTO_CREDIT = new RegExp(anyOf(PHOTO_CREDITS));

/**
 * Does `t` read as an uncredited photo caption: a line of at most CAPTION_MAX characters opening with 图为 / 图注 /
 * 圖說 … (CAPTION_OPENINGS) and crediting no photographer. (A credited caption, `…记者 X 摄`, is a news photo's text:
 * case 19 and the wire-photo story corpus xinhuanet-2 keep it as body text.) Whether it stands under an image is the
 * caller's question (clean.ts).
 */
export function isPhotoCaption(t: string): boolean {
  const s = t.trim();
  return countChars(s) <= CAPTION_MAX && CAPTION_OPENING.test(s) && !PHOTO_CREDIT.test(s);
}

/**
 * Does `t` read as a photo's credit or caption line: at most CAPTION_MAX characters, crediting a photographer or a
 * picture source (`图：新华社记者 王晓明 摄`, `（某某供图）`: PHOTO_CREDITS) or opening like a caption (isPhotoCaption).
 */
export function isPhotoLine(t: string): boolean {
  const s = t.trim();
  return countChars(s) <= CAPTION_MAX && (PHOTO_CREDIT.test(s) || isPhotoCaption(s));
}
