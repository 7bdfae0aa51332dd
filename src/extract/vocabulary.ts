/**
 * The words the extraction passes look for on Chinese news pages, in one place: credit labels (来源, 作者, 记者, 编辑,
 * 责任编辑, 通讯员 …), date labels (发布时间 …), words that are no person's name, related-list and clutter headings.
 * Each pass builds its regular expressions from these lists once, when its module loads (anyOf, anyOfPadded).
 *
 * A pass reads the list it was measured with, so several lists below are narrower than the whole vocabulary of their
 * kind (the in-body noise lines drop only the credit labels portals print on a line of their own, for instance).
 * Widening one changes what that pass finds: run the eval (`npm run eval`) and the fixture tests when you do.
 */

/**
 * What a credit label credits (byline.ts parseCredits): `compiler` (整理, 编译 …) credits a person who compiled or
 * translated the text, an author only when nobody else is named; `other` labels end a value and credit nobody we report.
 */
export type CreditKind = 'source' | 'author' | 'reporter' | 'corr' | 'chief' | 'editor' | 'compiler' | 'other';

/**
 * Every credit label byline.ts parseCredits reads, with its kind, traditional forms next to the simplified ones.
 * Longer labels first so `责任编辑` wins over `编辑`, `本文来源` over `来源`, `执笔人` over `执笔`. (`文`, `图` and `综合`
 * alone are labels only before a separator: BOUNDED_CREDIT_LABELS.) A source label may be followed by 于/於/自
 * (`本文来源于新华网`): byline.ts drops it from the value.
 */
export const CREDIT_LABELS: readonly (readonly [string, CreditKind])[] = [
  ['本文来源', 'source'],
  ['本文來源', 'source'],
  ['文章来源', 'source'],
  ['文章來源', 'source'],
  ['稿件来源', 'source'],
  ['稿件來源', 'source'],
  ['信息来源', 'source'],
  ['信息來源', 'source'],
  ['新闻来源', 'source'],
  ['新聞來源', 'source'],
  ['本文转载自', 'source'],
  ['本文轉載自', 'source'],
  ['本文转自', 'source'],
  ['本文轉自', 'source'],
  ['转载自', 'source'],
  ['轉載自', 'source'],
  ['原文刊载于', 'source'],
  ['原文刊載於', 'source'],
  ['原载于', 'source'],
  ['原載於', 'source'],
  ['稿源', 'source'],
  ['转自', 'source'],
  ['轉自', 'source'],
  ['出处', 'source'],
  ['出處', 'source'],
  ['来源', 'source'],
  ['來源', 'source'],
  ['来自', 'other'],
  ['來自', 'other'],
  ['责任编辑', 'chief'],
  ['責任編輯', 'chief'],
  ['值班编辑', 'chief'],
  ['值班編輯', 'chief'],
  ['责编', 'chief'],
  ['責編', 'chief'],
  ['编辑整理', 'compiler'],
  ['編輯整理', 'compiler'],
  ['编辑', 'editor'],
  ['編輯', 'editor'],
  ['主编', 'other'],
  ['主編', 'other'],
  ['作者', 'author'],
  ['撰文', 'author'],
  ['执笔人', 'author'],
  ['執筆人', 'author'],
  ['执笔', 'author'],
  ['執筆', 'author'],
  ['撰稿', 'author'],
  ['文字', 'author'],
  ['文/图', 'author'],
  ['文/圖', 'author'],
  ['图/文', 'author'],
  ['圖/文', 'author'],
  ['图文', 'other'],
  ['圖文', 'other'],
  ['记者', 'reporter'],
  ['記者', 'reporter'],
  ['通讯员', 'corr'],
  ['通訊員', 'corr'],
  ['校对', 'other'],
  ['校對', 'other'],
  ['审核', 'other'],
  ['審核', 'other'],
  ['审校', 'other'],
  ['審校', 'other'],
  ['监制', 'other'],
  ['監製', 'other'],
  ['审读', 'other'],
  ['審讀', 'other'],
  ['综合整理', 'compiler'],
  ['綜合整理', 'compiler'],
  ['整理', 'compiler'],
  ['整合', 'compiler'],
  ['编译', 'compiler'],
  ['編譯', 'compiler'],
  ['翻译', 'compiler'],
  ['翻譯', 'compiler'],
  ['摄影', 'other'],
  ['攝影', 'other'],
  ['制图', 'other'],
  ['製圖', 'other'],
  ['策划', 'other'],
  ['策劃', 'other'],
  ['统筹', 'other'],
  ['統籌', 'other'],
  ['出品', 'other'],
  ['编审', 'other'],
  ['編審', 'other'],
  ['初审', 'other'],
  ['复审', 'other'],
  ['终审', 'other'],
  ['一审', 'other'],
  ['二审', 'other'],
  ['三审', 'other'],
  ['美编', 'other'],
  ['美編', 'other'],
  ['责校', 'other'],
  ['监审', 'other'],
  ['实习生', 'other'],
  ['實習生', 'other'],
  ['原标题', 'other'],
  ['原標題', 'other'],
  ['发布时间', 'other'],
  ['發布時間', 'other'],
  ['发布日期', 'other'],
  ['时间', 'other'],
  ['時間', 'other'],
  ['阅读', 'other'],
  ['閱讀', 'other'],
];

/**
 * Page controls printed inside an info line after the credits (`记者：马俊峰　浏览次数：356　【字体：大 中 小】`, the
 * font-size switcher and hit counter of government and TRS templates): where one starts, a credit's value has ended
 * (byline.ts labelFirst).
 */
export const PAGE_CONTROL_WORDS: readonly string[] = [
  '字体',
  '字體',
  '字号',
  '字號',
  '浏览次数',
  '瀏覽次數',
  '浏览量',
  '瀏覽量',
  '浏览',
  '瀏覽',
  '阅读量',
  '閱讀量',
  '阅读数',
  '閱讀數',
  '阅读',
  '閱讀',
  '点击数',
  '點擊數',
  '点击量',
  '點擊量',
  '点击',
  '點擊',
  '访问量',
  '訪問量',
  '打印',
  '列印',
  '关闭',
  '關閉',
  '收藏',
  '分享到',
];

/**
 * Labels that are labels only before a separator (CREDIT_SEPARATORS) or a colon, since the character alone is common
 * in text: `文/X`, `文丨X` (author), `图/X` (photographer), `综合：X` (compiler; 综合频道 or 综合报道 are not labels).
 */
export const BOUNDED_CREDIT_LABELS: readonly (readonly [string, CreditKind])[] = [
  ['文', 'author'],
  ['图', 'other'],
  ['圖', 'other'],
  ['综合', 'compiler'],
  ['綜合', 'compiler'],
];

/**
 * The characters portals put between a label and its value or between names, besides spaces and colons: slashes
 * (ASCII and full-width), vertical bars (丨 U+4E28, ｜, |, and ︱ U+FE31 that gmw-peer prints in `作者︱春春`).
 */
export const CREDIT_SEPARATORS = '/／丨｜|︱';

/**
 * Credit labels read inside brackets in body text (`（记者 X）`, `【责任编辑：X】`, `〔記者X／台北報導〕`,
 * `（编译/X）`; byline.ts bracketedCredits).
 */
export const BRACKET_CREDIT_LABELS: readonly string[] = [
  '本文来源',
  '本文來源',
  '来源',
  '來源',
  '本文转载自',
  '本文轉載自',
  '转载自',
  '轉載自',
  '作者',
  '记者',
  '記者',
  '通讯员',
  '通訊員',
  '文/图',
  '图/文',
  '执笔',
  '執筆',
  '撰文',
  '责任编辑',
  '責任編輯',
  '责编',
  '責編',
  '编辑',
  '編輯',
  '编译',
  '編譯',
  '整理',
];

/**
 * The last words of an outlet's name (byline.ts isOutlet): a name ending so is a newspaper, a site, an agency or a
 * broadcaster, hence a source and never an author (`新华社`, `央视新闻`, `21世纪经济报道`, `江川晚报`, `TNW中文站`).
 * Some are weak (WEAK_OUTLET_SUFFIXES).
 */
export const OUTLET_SUFFIXES: readonly string[] = [
  '通讯社',
  '通訊社',
  '电视台',
  '電視台',
  '广播电台',
  '廣播電台',
  '客户端',
  '客戶端',
  '日报',
  '日報',
  '晚报',
  '晚報',
  '早报',
  '早報',
  '时报',
  '時報',
  '商报',
  '商報',
  '报道',
  '報導',
  '新闻',
  '新聞',
  '杂志',
  '雜誌',
  '周刊',
  '週刊',
  '财经',
  '財經',
  '频道',
  '頻道',
  '中文站',
  '报',
  '報',
  '网',
  '網',
  '社',
  '台',
];

/**
 * Outlet words that self-media accounts also end their names with (`苏皖城市报道` on 163-dy-1, `老王财经`): a name
 * ending so is an outlet where an outlet stands (after an info line's date, after 来源), not where an account stands
 * (an author-named element, `日期 · 账号`), byline.ts isOutlet's `strict`.
 */
export const WEAK_OUTLET_SUFFIXES: readonly string[] = ['报道', '報導', '财经', '財經', '频道', '頻道'];

/** Outlets whose names carry no outlet word (byline.ts isOutlet): agencies and broadcasters known by a short name. */
export const OUTLET_NAMES: readonly string[] = [
  '中央社',
  '央视',
  '央視',
  '总台',
  '總台',
  '36氪',
  '界面',
  '财新',
  '財新',
  'Reuters',
  'AFP',
  'AP',
  'Bloomberg',
  'BBC',
  'CNN',
  'NHK',
];

/**
 * News agencies as their Chinese services name them in a dateline without 电 (`路透北京3月15日 -`, `彭博东京3月15日 -`)
 * or with it (`法新社巴黎15日电`): the outlet of the article (byline.ts datelineOutlet).
 */
export const WIRE_AGENCIES: readonly string[] = [
  '路透社',
  '路透',
  '彭博社',
  '彭博',
  '法新社',
  '美联社',
  '美聯社',
  '共同社',
  '韩联社',
  '韓聯社',
  '塔斯社',
  '德新社',
  '埃菲社',
  '安莎社',
  '时事社',
  '時事社',
  '道琼斯',
  '道瓊斯',
];

/**
 * Words before 记者 or 讯 that name no outlet (`本报记者 X`, `特约记者 X`, `本网讯`): the outlet of a byline is read only
 * when it is none of these (byline.ts parseCredits).
 */
export const NOT_OUTLET_PREFIXES: readonly string[] = [
  '本报',
  '本報',
  '本刊',
  '本台',
  '本网',
  '本網',
  '特约',
  '特約',
  '实习',
  '實習',
  '见习',
  '見習',
  '首席',
  '前方',
  '融媒体',
  '全媒体',
  '文字',
  '摄影',
  '攝影',
  '视频',
  '視頻',
  '专栏',
  '專欄',
];

/**
 * A source that names the site itself (`来源：本站`, `本网原创`): the site name stands for it, after any outlet the page
 * names elsewhere (metadata-credits.ts pickSource).
 */
export const SELF_SOURCE_WORDS: readonly string[] = ['本站', '本网', '本網', '原创', '原創', '本站原创', '本网原创'];

/**
 * Values that are no outlet although they sit where a source does (byline.ts plausibleSource): site-wide labels and
 * placeholders (portal templates print `来源：首页`, `来源：综合`, `来源：未知`).
 */
export const NOT_SOURCE_WORDS: readonly string[] = [
  '首页',
  '首頁',
  '新闻',
  '新聞',
  '网站',
  '網站',
  '综合',
  '綜合',
  '未知',
  '不详',
  '不詳',
  '其他',
  '转载',
  '轉載',
  '作者',
  '编辑',
  '編輯',
  '记者',
  '記者',
  '正文',
];

/**
 * Channel names that portals print where an outlet could stand (`国内新闻2024-03-15`, `来源：国际`): with or
 * without 新闻/频道 they name a section of the site, not an outlet (byline.ts plausibleSource).
 */
export const CHANNEL_WORDS: readonly string[] = [
  '国内',
  '國內',
  '国际',
  '國際',
  '社会',
  '社會',
  '时政',
  '時政',
  '要闻',
  '要聞',
  '滚动',
  '滾動',
  '财经',
  '財經',
  '科技',
  '体育',
  '體育',
  '娱乐',
  '娛樂',
  '军事',
  '軍事',
  '地方',
  '本地',
  '图片',
  '圖片',
  '视频',
  '視頻',
  '热点',
  '熱點',
  '健康',
  '教育',
  '文化',
  '旅游',
  '汽车',
  '房产',
];

/**
 * Words of page controls that end up glued to a name or a source in textContent (an account's `关注` button, a
 * WeChat page's `阅读原文` link). A name or a source holding one is cut before it or refused (byline.ts
 * stripControls, plausibleName, plausibleSource). Seen on self-media account blocks (Netease, Sohu, Toutiao,
 * Yahoo 追蹤) and WeChat-style pages.
 */
export const UI_WORDS: readonly string[] = [
  '已关注',
  '已關注',
  '关注',
  '關注',
  '已订阅',
  '已訂閱',
  '订阅',
  '訂閱',
  '已追蹤',
  '追蹤',
  '追踪',
  '分享',
  '打开APP',
  '打开App',
  '打開APP',
  '下载APP',
  '下载',
  '下載',
  '举报',
  '舉報',
  '收藏',
  '点赞',
  '點讚',
  '阅读原文',
  '閱讀原文',
  '私信',
];

/**
 * The end of a reporter's credit that says where or how it was reported, not who (`〔記者X／台北報導〕`,
 * `（记者 X 报道）`, `（記者X／綜合報導）`): dropped from the value before names are read (byline.ts splitNames).
 */
export const REPORT_WORDS: readonly string[] = ['报道', '報導', '報道', '报导'];

/**
 * Credit labels that make a long first or last body paragraph worth reading for credits (its first 60 characters;
 * metadata-credits.ts bodyCredits).
 */
export const CREDIT_LEAD_LABELS: readonly string[] = [
  '本文来源',
  '本文來源',
  '来源',
  '來源',
  '本文转载自',
  '本文轉載自',
  '转载自',
  '轉載自',
  '作者',
  '记者',
  '記者',
  '责任编辑',
  '責任編輯',
  '编辑',
  '編輯',
  '责编',
  '責編',
  '执笔',
  '執筆',
];

/** Labels of a credit line that clean.ts drops from the body as a noise line (`责任编辑：X`, `记者｜X`). */
export const CREDIT_LINE_LABELS: readonly string[] = [
  '责任编辑',
  '责编',
  '编辑',
  '编审',
  '审核',
  '审校',
  '校对',
  '值班编辑',
  '作者',
  '撰稿',
  '记者',
  '通讯员',
  '总监制',
  '执笔人',
  '执笔',
  '責任編輯',
  '責編',
  '編輯',
  '編審',
  '審核',
  '審校',
  '校對',
  '記者',
  '通訊員',
  '執筆人',
  '執筆',
  '撰文',
];

/** Two-character roles that portals also print padded to three columns (`监  制`), for the same noise lines. */
export const PADDED_ROLE_LABELS: readonly string[] = ['监制', '审读', '策划', '统筹', '出品', '主编'];

/** Source labels of a source line that clean.ts drops from the body (`本文来源：X`). */
export const SOURCE_LINE_LABELS: readonly string[] = [
  '本文来源',
  '文章来源',
  '稿件来源',
  '信息来源',
  '来源',
  '本文來源',
  '文章來源',
  '稿件來源',
  '資料來源',
  '來源',
];

/**
 * The labels a one-field text may carry before its value (metadata-credits.ts): a site rule's source, author or editor
 * element, a `source` meta.
 */
export const SOURCE_VALUE_LABELS: readonly string[] = ['来源', '來源'];
/** See SOURCE_VALUE_LABELS. */
export const AUTHOR_VALUE_LABELS: readonly string[] = ['作者', '记者', '記者'];
/** See SOURCE_VALUE_LABELS. */
export const EDITOR_VALUE_LABELS: readonly string[] = ['编辑', '編輯'];

/** The nouns of a date label (`发布时间`, `日期`, `發佈時間`). */
export const DATE_NOUNS: readonly string[] = ['时间', '時間', '日期'];

/**
 * Verbs before a date noun (or 于/於: `發表於`) that make it the publication time (metadata-published.ts visibleDate's
 * first tier), simplified and traditional.
 */
export const PUBLISH_VERBS: readonly string[] = ['发布', '發佈', '發布', '发表', '發表', '首发', '首發'];

/**
 * Verbs before a date noun (or 于/於: `最後修改於`) that make it a modification time (`更新时间`, `修改時間`): weaker than
 * a publication time.
 */
export const UPDATE_VERBS: readonly string[] = ['更新', '修改', '修訂', '编辑', '編輯'];

/** Verbs of a line that starts with a date label anywhere on the page (metadata-published.ts labelledDate). */
export const LABELLED_DATE_VERBS: readonly string[] = ['发布', '發佈', '發布', '发表', '發表'];

/** Labels after which a three-digit Republic of China year is a date (`發布日期：113/05/01`; dates.ts). */
export const ROC_DATE_LABELS: readonly string[] = ['日期', '時間', '时间', '發布', '發佈', '发布', '發表', '更新'];

/** Labels of a date line that clean.ts drops from the body as a noise line (`发布时间：…`, `更新时间：…`). */
export const DATE_LINE_LABELS: readonly string[] = [
  '发布时间',
  '发布日期',
  '更新时间',
  '时间',
  '日期',
  '發布時間',
  '發佈時間',
  '發布日期',
  '更新時間',
  '時間',
];

/** Verbs of the info line that titles a page whose <title> is only a channel name (title.ts titleBeforeInfoLine). */
export const INFO_LINE_VERBS: readonly string[] = ['发布', '發佈', '發布'];

/**
 * Words that make a token an organisation, a role or a phrase, not a person's name (byline.ts isName): outlets
 * (网, 报, 社 …), credit roles, and reporting verbs of bylines like `记者在现场` or `记者调查`.
 */
export const NOT_NAME_WORDS: readonly string[] = [
  '网',
  '报',
  '社',
  '台',
  '新闻',
  '频道',
  '中心',
  '编辑',
  '记者',
  '评论员',
  '作者',
  '通讯员',
  '实习生',
  '本报',
  '本刊',
  '本台',
  '特约',
  '特約',
  '见习',
  '見習',
  '实习',
  '實習',
  '首席',
  '融媒',
  '全媒',
  '专栏',
  '客户端',
  '公众号',
  '微信',
  '来源',
  '正文',
  '原创',
  '图片',
  '视频',
  '摄',
  '局',
  '委',
  '厅',
  '署',
  '公司',
  '集团',
  '大学',
  '日报',
  '时间',
  '发布',
  '文章',
  '最新',
  '更多',
  '相关',
  '本人',
  '本文',
  '自己',
  '不详',
  '网友',
  '读者',
  '用户',
  '我们',
  '在现场',
  '表示',
  '介绍',
  '调查',
  '采访',
  '探访',
  '暗访',
  '手记',
  '观察',
  '走访',
  '直击',
  '实拍',
  '目击',
  '专访',
  '连线',
  '亲历',
  '体验',
  '发现',
  '了解',
  '获悉',
  '注意到',
  '看到',
  '证实',
  '报道',
  '整理',
  '综合',
  '编译',
];

/** Headings of a related-articles list inside a body: clean.ts drops the heading and the link lists after it. */
export const RELATED_HEADINGS: readonly string[] = [
  '相关新闻',
  '相关阅读',
  '相关文章',
  '相关链接',
  '相关报道',
  '延伸阅读',
  '延伸推荐',
  '推荐阅读',
  '更多阅读',
  '热点推荐',
  '精彩推荐',
  '为您推荐',
  '猜你喜欢',
  '热门文章',
  '往期回顾',
  '往期推荐',
  '往期精彩',
  '热文推荐',
  '相關新聞',
  '相關閱讀',
  '相關文章',
  '相關連結',
  '相關報導',
  '延伸閱讀',
  '推薦閱讀',
  '更多閱讀',
  '熱門推薦',
  '精彩推薦',
  '為您推薦',
  '猜你喜歡',
  '延伸推薦',
  '熱門文章',
  '熱門新聞',
];

/** Related-list headings that are a noise line when they stand alone on a line (clean.ts NOISE_LINES). */
export const RELATED_LINES: readonly string[] = [
  '相关新闻',
  '相关阅读',
  '相关文章',
  '相关链接',
  '延伸阅读',
  '推荐阅读',
  '热点推荐',
  '精彩推荐',
  '相關新聞',
  '相關閱讀',
  '相關文章',
  '相關連結',
  '延伸閱讀',
  '推薦閱讀',
  '熱門推薦',
  '精彩推薦',
];

/**
 * Words of a comment stream's messages (streams.ts): reply, like and report actions, the IP location platforms print
 * since 2022, simplified and traditional. A group of repeated items most of which carry one is a comment stream.
 */
export const COMMENT_MARKS: readonly string[] = [
  '回复',
  '回覆',
  '点赞',
  '點讚',
  '举报',
  '舉報',
  '檢舉',
  'IP属地',
  'IP屬地',
];

/** What a teaser card counts after a number (`128评论`, `3.2万阅读`; streams.ts). */
export const TEASER_COUNTS: readonly string[] = [
  '评论',
  '評論',
  '条评论',
  '則留言',
  '留言',
  '阅读',
  '閱讀',
  '浏览',
  '瀏覽',
  '赞',
  '讚',
  '跟帖',
  '次播放',
];

/** Units of a relative time (`3小时前`, `5分鐘前`) on comments and teaser cards (streams.ts). */
export const RELATIVE_TIME_UNITS: readonly string[] = ['秒', '分钟', '分鐘', '小时', '小時', '天'];

/*
 * In-body noise lines (noise-lines.ts). Each list below feeds one kind of line; noise-lines.ts anchors every pattern
 * at the start of the line (after an optional bracket or ※-like mark) or reads the whole line, so a sentence that
 * merely contains the words stays. Fixtures: test/fixtures/kinds/body-*.html, their negative controls included.
 */

/** Marks that open a notice line (`※珍惜生命…`, `＊本文…`, `▲`), read past before a line's first word. */
export const LINE_MARKS: readonly string[] = [
  '※',
  '＊',
  '*',
  '★',
  '☆',
  '▲',
  '△',
  '●',
  '■',
  '◎',
  '◆',
  '▶',
  '►',
  '▸',
  '→',
  '»',
  '＞',
  '>',
];

/**
 * Labels of a writer's credit that closes the last paragraph (`(文/图 X)`, `（记者 X）`): the article's own signature,
 * kept when a glued notice is cut (clean.ts dropGluedNotice; `文` and `图` are matched there as single characters).
 */
export const AUTHOR_TAIL_LABELS: readonly string[] = [
  '作者',
  '记者',
  '記者',
  '撰稿',
  '撰文',
  '通讯员',
  '通訊員',
  '执笔',
  '執筆',
  '实习生',
  '實習生',
  '摄影',
  '攝影',
];

/** What a video player's placeholder names (`您的浏览器…`, `视频加载失败`, `播放器載入中`). */
export const PLAYER_NOUNS: readonly string[] = [
  '浏览器',
  '瀏覽器',
  '播放器',
  '视频',
  '視頻',
  '影片',
  'video',
  'Video',
  'Flash',
  'flash',
  'HTML5',
];

/** What a player placeholder says went wrong or is under way, after a PLAYER_NOUNS word. */
export const PLAYER_STATES: readonly string[] = [
  '暂时无法播放',
  '暫時無法播放',
  '暂不支持',
  '暫不支援',
  '无法播放',
  '無法播放',
  '不能播放',
  '不支持',
  '不支援',
  '加载失败',
  '加載失敗',
  '载入失败',
  '載入失敗',
  '播放失败',
  '播放失敗',
  '加载出错',
  '加載出錯',
  '加载中',
  '加載中',
  '载入中',
  '載入中',
  '版本过低',
  '版本過低',
];

/**
 * Labels before an e-paper credit (`来源：《某某日报》2023年5月12日第5版`, `（原载2023年5月12日《某某晚报》）`,
 * `本文刊发于《…》…A3版`): the line names a paper, a date and maybe a page, nothing else.
 */
export const PAPER_CREDIT_LABELS: readonly string[] = [
  '本文刊发于',
  '本文刊發於',
  '本文原载于',
  '本文原載於',
  '原文刊于',
  '原文刊於',
  '刊发于',
  '刊發於',
  '原载于',
  '原載於',
  '原载',
  '原載',
  '刊于',
  '刊於',
  '载于',
  '載於',
  '来源',
  '來源',
  '摘自',
  '转自',
  '轉自',
];

/** Subjects of a notice about the text itself (`本文首发于…`, `本网原创稿件…`). */
export const NOTICE_SUBJECTS: readonly string[] = [
  '本文',
  '本篇',
  '此文',
  '该文',
  '該文',
  '文章',
  '本稿',
  '本站',
  '本网',
  '本網',
  '本报',
  '本報',
];

/** Verbs of a first-published-on or came-from notice after a NOTICE_SUBJECTS word (`本文来自微信公众号…`). */
export const FIRST_PUBLISHED_VERBS: readonly string[] = [
  '首发于',
  '首發於',
  '首发在',
  '首發在',
  '来自',
  '來自',
  '转载自',
  '轉載自',
  '转自',
  '轉自',
  '原载于',
  '原載於',
  '选自',
  '選自',
  '摘编自',
  '摘編自',
  '刊发于',
  '刊發於',
];

/** Words that forbid or condition reprinting (`禁止转载`, `转载请注明出处`, `未經授權 不得轉載`). */
export const REPRINT_WORDS: readonly string[] = [
  '转载',
  '轉載',
  '转贴',
  '轉貼',
  '复制',
  '複製',
  '摘编',
  '摘編',
  '抄袭',
  '抄襲',
];

/** Prohibitions before a REPRINT_WORDS word. */
export const PROHIBITIONS: readonly string[] = ['禁止', '严禁', '嚴禁', '谢绝', '謝絕', '请勿', '請勿', '不得'];

/** Permissions after 未经/未經 (`未经授权`, `未經同意`). */
export const PERMISSIONS: readonly string[] = ['授权', '授權', '许可', '許可', '同意', '允许', '允許'];

/** Copyright nouns of a copyright line (`版权归…所有`, `著作權屬於…`). */
export const COPYRIGHT_NOUNS: readonly string[] = ['版权', '版權', '著作权', '著作權', '权益', '權益'];

/**
 * Heads of a mailing prompt (`投稿邮箱：…`, `新闻线索请发邮件至…`, `爆料熱線`, `欢迎读者来信`); the line is one when a
 * colon, an address, a number or a request follows the head, or nothing does.
 */
export const MAIL_PROMPT_HEADS: readonly string[] = [
  '欢迎读者来信',
  '歡迎讀者來信',
  '欢迎来信',
  '歡迎來信',
  '欢迎投稿',
  '歡迎投稿',
  '欢迎爆料',
  '歡迎爆料',
  '投稿邮箱',
  '投稿郵箱',
  '投稿信箱',
  '投稿地址',
  '投稿方式',
  '投稿',
  '新闻线索',
  '新聞線索',
  '爆料热线',
  '爆料熱線',
  '爆料专线',
  '爆料專線',
  '爆料邮箱',
  '爆料郵箱',
  '爆料',
  '报料热线',
  '報料熱線',
  '报料邮箱',
  '報料郵箱',
  '新闻热线',
  '新聞熱線',
  '读者热线',
  '讀者熱線',
  '联系邮箱',
  '聯絡信箱',
  '商务合作',
  '商務合作',
];

/** Verbs of an app promo, at the start of its line (`下载XX客户端`, `打开APP阅读全文`, `立即下載…App`). */
export const APP_VERBS: readonly string[] = ['下载', '下載', '打开', '打開', '安装', '安裝', '前往'];

/** What an app promo promotes, within a few characters after an APP_VERBS word. */
export const APP_NOUNS: readonly string[] = ['APP', 'App', 'app', '客户端', '客戶端', '應用程式'];

/**
 * Openings of the suicide-prevention notices Taiwanese and Hong Kong portals append (`※珍惜生命，拒絕自殺…`,
 * `如你／妳需要情緒支援，請致電…`); the line is one when it also names a hotline.
 */
export const HOTLINE_OPENINGS: readonly string[] = [
  '珍惜生命',
  '拒絕自殺',
  '拒绝自杀',
  '自殺不能解決問題',
  '自杀不能解决问题',
  '請給自己一個機會',
  '请给自己一个机会',
  '如你／妳需要',
  '如你/妳需要',
  '如你需要',
  '如妳需要',
  '如果你需要',
  '若你需要',
  '如您需要',
];

/** The hotline nouns (`自殺防治諮詢專線：1925`, `張老師專線1980`, `24小時熱線2389 2222`). */
export const HOTLINE_NOUNS: readonly string[] = ['專線', '专线', '熱線', '热线'];

/**
 * Fixed health and investment warnings Taiwanese portals print under stories (`★…提醒您：飲酒過量，有害健康`,
 * `投資一定有風險，基金投資有賺有賠…`); a line is one when it opens with a slogan followed by punctuation or its end.
 */
export const WARNING_SLOGANS: readonly string[] = [
  '飲酒過量，有害健康',
  '飲酒過量有害健康',
  '饮酒过量，有害健康',
  '饮酒过量有害健康',
  '禁止酒駕',
  '禁止酒驾',
  '喝酒不開車',
  '喝酒不开车',
  '未成年請勿飲酒',
  '吸菸有害健康',
  '吸煙有害健康',
  '吸烟有害健康',
  '投資一定有風險',
  '投资有风险',
  '理財有風險',
];

/**
 * Openings of an opinion disclaimer (`本文不代表本站立场`, `*文章为作者独立观点，不代表…立场`); the line is one when
 * it also says whose view it is not (DISCLAIMER_WORDS).
 */
export const DISCLAIMER_SUBJECTS: readonly string[] = [
  '本文',
  '文章',
  '此文',
  '该文',
  '該文',
  '作者',
  '以上内容',
  '以上內容',
];

/** What a disclaimer says of the text (`不代表…立场`, `仅代表作者观点`), before DISCLAIMER_OBJECTS. */
export const DISCLAIMER_WORDS: readonly string[] = ['不代表', '仅代表', '僅代表', '独立', '獨立'];

/** What a disclaimer's DISCLAIMER_WORDS are about (`立场`, `观点`). */
export const DISCLAIMER_OBJECTS: readonly string[] = ['立场', '立場', '观点', '觀點', '看法'];

/** Social prompts of self-media accounts (`点个“在看”`, `请点赞、在看、分享`): a short line with one is a prompt. */
export const SOCIAL_PROMPTS: readonly string[] = [
  '点个在看',
  '點個在看',
  '点个“在看”',
  '“在看”',
  '「在看」',
  '点赞、在看',
  '點讚、在看',
  '在看、',
  '、在看',
  '点个赞',
  '點個讚',
  '请点赞',
  '請點讚',
  '记得点赞',
  '記得點讚',
  '一键三连',
  '一鍵三連',
];

/** Openings of a portal's closing more-news line (`更多中台新聞網報導`, `看更多ETtoday新聞`). */
export const MORE_NEWS_OPENINGS: readonly string[] = [
  '點我看更多',
  '点我看更多',
  '點擊看更多',
  '点击看更多',
  '看更多',
  '閱讀更多',
  '阅读更多',
  '更多',
];

/** What a more-news line ends with (`…報導`, `…新聞`, `…影音`). */
export const MORE_NEWS_ENDINGS: readonly string[] = [
  '新聞',
  '新闻',
  '報導',
  '报道',
  '文章',
  '消息',
  '影音',
  '影片',
  '视频',
  '視頻',
  '內容',
  '内容',
];

/** Verbs of a subscribe or follow line (`訂閱《…》電子報`, `追蹤…Instagram`). */
export const FOLLOW_VERBS: readonly string[] = [
  '點我訂閱',
  '点我订阅',
  '立即訂閱',
  '立即订阅',
  '免費訂閱',
  '免费订阅',
  '訂閱',
  '订阅',
  '追蹤',
  '追踪',
  '關注',
  '关注',
  '加入',
];

/** Channels a follow line names after a FOLLOW_VERBS word. */
export const FOLLOW_CHANNELS: readonly string[] = [
  '電子報',
  '电子报',
  '頻道',
  '频道',
  'YouTube',
  'Youtube',
  '粉絲團',
  '粉丝团',
  '粉絲專頁',
  '粉丝专页',
  'LINE',
  'Line',
  'Instagram',
  'IG',
  'Facebook',
  '臉書',
  '脸书',
  'Google News',
  'Telegram',
  'WhatsApp',
  'Threads',
  '微博',
  '抖音',
  '视频号',
  '公众号',
  '公眾號',
  '微信号',
  '微信號',
  '客户端',
  '客戶端',
  'APP',
  'App',
];

/** Openings of a photo caption line (`图为…`, `图注：…`, `圖說：…`); noise-lines.ts photoCaption. */
export const CAPTION_OPENINGS: readonly string[] = [
  '图片说明',
  '圖片說明',
  '图为',
  '圖為',
  '图注',
  '圖註',
  '圖注',
  '图说',
  '圖說',
  '图示',
  '圖示',
];

/** Photo credits: a caption carrying one is a news photo's text and stays body text (case 19, corpus xinhuanet-2). */
export const PHOTO_CREDITS: readonly string[] = [
  '摄',
  '攝',
  '供图',
  '供圖',
  '图片来源',
  '圖片來源',
  '图源',
  '圖源',
  '图／',
  '圖／',
  '图/',
  '圖/',
];

/**
 * Chinese marker texts of page clutter. A block whose heading (or own short text) starts with one of these is
 * clutter: hidden in place by the content script, dropped from the extracted body (markers.ts reads them).
 * Sources: the 中国甘肃网 templates (corpus gscn-1…3, test/fixtures/corpus/pages), the corpus `must_not_contain` and
 * `body_noise` labels (test/fixtures/corpus/labels.jsonl), and cases 16-related-news-inside-body and
 * 03-short-sentences-vs-disclaimer (test/fixtures/cases).
 */
export const CLUTTER_HEADINGS: readonly string[] = [
  '分享到',
  '分享至',
  '分享让更多人看到',
  '精彩推荐',
  '精彩视频推荐',
  '为您推荐',
  '猜你喜欢',
  '相关新闻',
  '相关阅读',
  '相关文章',
  '相关链接',
  '延伸阅读',
  '延伸推荐',
  '推荐阅读',
  '新闻排行',
  '热点新闻',
  '热门文章',
  '排行榜',
  '点击排行',
  '24小时排行',
  '关注我们',
  '关注公众号',
  '关注微信公众号',
  '扫码关注',
  '扫一扫',
  '点击进入专题',
  '进入专题',
  '版权声明',
  '免责声明',
  '特别声明',
  '网友评论',
  '热门评论',
  '最新评论',
  '广告',
  '相關新聞',
  '相關閱讀',
  '相關文章',
  '延伸閱讀',
  '推薦閱讀',
  '熱門新聞',
  '為您推薦',
  '猜你喜歡',
  '精彩推薦',
  '網友評論',
  '熱門評論',
  '最新評論',
  '延伸推薦',
  '關注我們',
  '關注公眾號',
  '點擊進入專題',
];

/**
 * Words that make a `<title>` segment or a headline candidate a site or channel name (`江川新闻网`, `自由時報`, `新闻中心`)
 * rather than part of a headline (title.ts): simplified and traditional forms, and Latin outlet words.
 */
export const SITE_NAME_WORDS: readonly string[] = [
  '官方网站',
  '官网',
  '官網',
  '网站',
  '網站',
  '网',
  '網',
  '频道',
  '頻道',
  '新闻',
  '新聞',
  '资讯',
  '資訊',
  '中心',
  '首页',
  '首頁',
  '时报',
  '時報',
  '日报',
  '日報',
  '晚报',
  '晚報',
  '报',
  '報',
  '社',
  '台',
  '臺',
  '在线',
  '線上',
  'News',
  'BBC',
  'CCTV',
];

/** Words that open a breadcrumb (`当前位置：首页 > 要闻`): such a line is never a headline (title.ts). */
export const BREADCRUMB_LEADS: readonly string[] = [
  '您当前的位置',
  '您当前位置',
  '当前位置',
  '您的位置',
  '您现在的位置',
  '所在位置',
  '目前位置',
  '現在位置',
];

/** Names of a site's home page that open a breadcrumb (`首页 - 新闻动态`, `首页 > 要闻`; title.ts). */
export const HOME_PAGE_NAMES: readonly string[] = ['网站首页', '網站首頁', '首页', '首頁', '主页', '主頁', 'Home'];

/** `s` with the characters that are special in a regular expression escaped. */
function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/** Regular-expression source matching any one of `words`, in their order (wrap it in a group to use it). */
export function anyOf(words: readonly string[]): string {
  return words.map(escapeRegExp).join('|');
}

/** anyOf, with any whitespace allowed between the characters of each word (`监  制`). */
export function anyOfPadded(words: readonly string[]): string {
  return words.map((w) => [...w].map(escapeRegExp).join('\\s*')).join('|');
}

/**
 * Headings of blocks beside the body that the in-place declutter hides (clutter-spine.ts) on top of CLUTTER_HEADINGS:
 * portal sidebars and feeds (page kind: portal article with side columns, e.g. 163-1, sina-1, people-1, ifeng-3 of
 * test/fixtures/corpus). Not read by body cleaning, so the Article does not change with them.
 */
export const PAGE_CLUTTER_HEADINGS: readonly string[] = [
  '你可能会喜欢',
  '你可能喜欢',
  '您可能喜欢',
  '你可能感兴趣',
  '您可能感兴趣',
  '可能感兴趣的',
  '你可能會喜歡',
  '您可能感興趣',
  '大家都爱看',
  '大家都在看',
  '新闻推荐',
  '热门推荐',
  '热点推荐',
  '频道推荐',
  '本站推荐',
  '相关推荐',
  '为你推荐',
  '精华推荐',
  '特别推荐',
  '编辑推荐',
  '今日推荐',
  '推荐新闻',
  '最热评论',
  '热评文章',
  '更多评论',
  '查看更多评论',
  '阅读排行',
  '热门排行',
  '热点排行',
  '跟贴排行',
  '跟帖排行',
  '48小时点击排行',
  '热门新闻',
  '头条新闻',
  '头条文章',
  '热点聚焦',
  '图片新闻',
  '图片故事',
  '精彩图集',
  '精彩组图',
  '视频新闻',
  '热门视频',
  '最新视频',
  '视觉焦点',
  '作者最新文章',
  '作者最近文章',
  '小编最近文章',
  '往期回顾',
  '返回顶部',
  '上一篇',
  '下一篇',
  '您此时的心情',
  '阅读下一篇',
  '下载APP',
  '客户端下载',
  '我要分享',
  '最多人阅读',
  '24小时最热',
];

/**
 * Words of share, follow, QR-code and app blocks (分享到微博, 扫一扫, 关注公众号, 下载APP): a short block beside the body
 * carrying one is clutter (clutter-spine.ts; page kind: portal article with a share bar or an app promo, e.g.
 * thepaper-1, people-1, xinhuanet-1 of test/fixtures/corpus).
 */
export const SHARE_WORDS: readonly string[] = [
  '分享',
  '扫一扫',
  '扫码',
  '二维码',
  '关注',
  '下载',
  '客户端',
  '公众号',
  'APP',
  '微信',
  '微博',
  'QQ空间',
  'Qzone',
  '收藏',
  '举报',
  '返回顶部',
];

/**
 * Words of an article's tool bar beside share buttons: feedback, report and dismiss controls (huanqiu-1's
 * `div.a-btool`: 阅读数 · 不感兴趣 · 投诉), and the font-size, print and close controls of government and provincial
 * sites (`【字体：大 中 小】`, `【打印本页】【关闭窗口】`). A block of short controls carrying one is clutter
 * (clutter-spine.ts).
 */
export const TOOLBAR_WORDS: readonly string[] = [
  ...SHARE_WORDS,
  '不感兴趣',
  '不感興趣',
  '投诉',
  '投訴',
  '纠错',
  '糾錯',
  '我要纠错',
  '檢舉',
  '打赏',
  '打賞',
  '点赞',
  '點讚',
  '字体',
  '字體',
  '字号',
  '字號',
  '打印',
  '关闭窗口',
  '關閉視窗',
  '關閉窗口',
];

/** Comment-section words (comment box headings and actions): a block beside the body carrying them is clutter. */
export const COMMENT_WORDS: readonly string[] = ['评论', '跟贴', '跟帖', '留言', '回复', '网友', '点赞', '登录'];

/** Footer texts of a site (copyright, licence, contact): the block holding one is the site's footer and stays. */
export const FOOTER_WORDS: readonly string[] = [
  'ICP备',
  'ICP证',
  '版权所有',
  '版 权 所 有',
  'Copyright',
  'copyright',
  'COPYRIGHT',
  '©',
];

/**
 * Footer links (contact, about, terms): the element holding one stays, but does not make its block a footer (a
 * sidebar has a 联系我们 module too: gsc-1 of test/fixtures/corpus).
 */
export const FOOTER_LINK_WORDS: readonly string[] = [
  '联系我们',
  '关于我们',
  '网站地图',
  '违法和不良信息举报',
  '使用条款',
  '隐私政策',
  '保密政策',
  '服务协议',
  '服务条款',
  '法律声明',
  '网站声明',
];
