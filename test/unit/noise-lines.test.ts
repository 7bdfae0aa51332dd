import { describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import { isNoiseLine, isPhotoCaption } from '../../src/extract/noise-lines';
import { isStreamBlock, streamAmong } from '../../src/extract/streams';
import { cleanBody } from '../../src/extract/clean';
import { serializeBody } from '../../src/extract/serialize';

const doc = (html: string) =>
  parseHTML(`<!doctype html><html><head></head><body>${html}</body></html>`).document as unknown as Document;

/** Each kind: lines that are noise, then prose with the same words (test/fixtures/kinds/body-*-control-*.html). */
const KINDS: Record<string, { noise: string[]; prose: string[] }> = {
  'video-player messages': {
    noise: [
      '您的浏览器暂时无法播放此视频。',
      '您的浏览器不支持video标签。',
      '您的瀏覽器不支援 video 標籤。',
      '视频加载失败，请刷新页面再试',
      '影片載入失敗，請稍後再試。',
      '播放器加载中...',
      '播放器載入中…',
      '请升级浏览器后观看',
    ],
    prose: [
      '视频加载失败的投诉在去年下降了四成，平台方将此归功于新建的内容分发网络。',
      '该负责人表示，新版播放器加载中途卡顿的问题已经修复。',
      '该视频不支持倍速播放，用户反映较多。',
    ],
  },
  'e-paper credits': {
    noise: [
      '《 江川日报 》（ 2023年05月12日 05 版）',
      '《江川日报》（2023年05月12日 05版）',
      '来源：《江川日报》2023年5月12日第5版',
      '來源：《港島日報》2023年5月12日第A6版',
      '本文刊发于《青河晚报》2023年5月12日A3版',
      '（原载2023年5月12日《青河晚报》第3版）',
    ],
    prose: [
      '据《江川日报》2023年5月12日报道，城际公交开通首月客流超过十万人次。',
      '《江川日报》（2023年05月12日 05版）的这篇报道刊发后，不少读者留言。',
    ],
  },
  'first-published and reprint notices': {
    noise: [
      '本文来自微信公众号“江川观察”（ID：jcgc2020），作者：王小明，经授权发布。',
      '本文首发于江川观察，未经授权，禁止转载。',
      '（首发于微信公众号：青河笔记）',
      '版权归江川日报所有，转载请注明出处。',
      '※本文由《中台新聞網》授權轉載，未經同意禁止轉載',
      '未經授權 不得轉載',
      '本文为江川日报原创稿件，未经授权禁止转载',
      '【美国The Next Web作品的中文相关权益归腾讯公司独家所有。未经授权，不得转载、摘编等。】',
    ],
    prose: [
      '法院认为，被告在明知原作者声明“未经授权，禁止转载”的情况下仍大量复制其文章，构成侵权。',
      '这幅画的版权归作者本人所有，博物馆只负责保管和展出。',
      '法官提醒，转载请注明出处并不等于获得了授权。',
      '本报独家获悉，江川地铁六号线将于年内开工。',
    ],
  },
  'writer credits': {
    noise: ['（执笔人：王小明　李华）', '执笔：江川日报评论员　周文', '執筆：林志明', '執筆人：林志明'],
    prose: ['执笔者的立场决定了报告的基调，这一点不难理解。'],
  },
  'mailing prompts': {
    noise: [
      '投稿邮箱：tougao@jcnews.cn',
      '新闻线索请发邮件至 news@jcnews.cn',
      '爆料热线：0931-8123456',
      '欢迎读者来信：duzhe@jcnews.cn',
      '爆料專線：2345 6789',
      '歡迎投稿：news@gangdao.hk',
      '欢迎来信',
    ],
    prose: ['投稿邮箱开通以来，编辑部已收到读者来稿两千余篇。', '市民王先生通过新闻热线反映，路灯已经坏了一个多月。'],
  },
  'app promos': {
    noise: [
      '打开APP阅读全文',
      '下载江川新闻客户端，看更多本地资讯',
      '点击下载',
      '扫码下载江川日报APP',
      '立即下載【港島新聞】App，掌握最新消息',
      '快来新浪众测，体验最好玩的产品吧~！下载客户端还能获得专享福利哦！',
    ],
    prose: [
      '据介绍，用户下载该客户端后可在线办理社保业务，目前注册人数已超过十万。',
      '下载量方面，该应用上线首月突破百万次。',
      '打开App就能查到公交到站时间，这让市民出行方便了不少。',
      '市民可扫描二维码进行预约登记。',
      '群众可拨打举报电话12345反映问题。',
    ],
  },
  'hotline notices': {
    noise: [
      '※珍惜生命，拒絕自殺，自殺防治諮詢專線：1925（依舊愛我）',
      '安心專線：1925　生命線協談專線：1995　張老師專線：1980',
      '＊珍惜生命，自殺不能解決問題，生命一定可以找到出路。若需諮詢或相關協助，可撥打衛福部安心專線：1925；生命線協談專線：1995；張老師專線：1980。',
      '如你／妳需要情緒支援，請致電撒瑪利亞防止自殺會24小時熱線2389 2222',
    ],
    prose: [
      '衛福部表示，安心專線1925去年接聽量較前年增加三成，顯示民眾求助意願提高。',
      '生命線協會指出，今年透過協談專線1995接獲的求助電話已超過三萬通。',
      '安心專線1925去年共接聽逾十萬通電話，衛福部將再增聘人力。',
    ],
  },
  'portal closing lines': {
    noise: [
      '更多中台新聞網報導',
      '看更多中台新聞網新聞',
      '訂閱《中台新聞網》電子報，掌握每日重點新聞',
      '追蹤港島新聞Instagram',
    ],
    prose: [
      '訂閱制上路後，預計可節省紙本雜誌採購經費約一成。',
      '更多細節仍待館方公布，首批上線的雜誌名單預計下月出爐。',
      '看更多書、讀好書，是館方今年推動全民閱讀的口號。',
      '关注民生的人都知道，微博上的讨论很热烈。',
    ],
  },
  'Taiwanese warnings': {
    noise: [
      '★中台新聞網提醒您：飲酒過量，有害健康。',
      '【警語】禁止酒駕，未成年請勿飲酒。',
      '投資一定有風險，基金投資有賺有賠，申購前應詳閱公開說明書。',
    ],
    prose: ['禁止酒駕是全民共識，警方今年將加強臨檢。', '飲酒過量是造成肝病的主要原因之一，醫師提醒民眾節制。'],
  },
  'self-media closing lines': {
    noise: [
      '-END-',
      '*文章为作者独立观点，不代表江川观察立场',
      '本文为澎湃号作者或机构在澎湃新闻上传并发布，仅代表该作者或机构观点，不代表澎湃新闻的观点或立场。',
      '喜欢这篇文章？点个“在看”吧',
      '觉得不错，请点赞、在看、分享',
      '图片来自网络，如有侵权请联系删除',
    ],
    prose: ['作者认为，这一政策不代表市场的全部声音。', '觉得不错的市民纷纷为志愿者点赞。', '市民在看台上为选手加油。'],
  },
  'traditional credit, date, print and pager lines': {
    noise: [
      '（原標題：台中捷運藍線延伸段動工）',
      '文／林志明',
      '責任編輯／王小明',
      '發布時間：2023/05/12 14:20',
      '【列印】【關閉視窗】',
      '下一則：海線通勤族苦塞車',
    ],
    prose: ['文／林志明的一篇旧作被重新发现，引发了讨论。', '时间过得真快，转眼又是一年。'],
  },
  disclaimers: {
    noise: [
      '本文仅代表作者个人观点。',
      '以上内容仅供参考，不构成任何投资建议。',
      '声明：文章提及内容仅供参考，不构成实质性投资建议。',
    ],
    prose: ['分析师强调，上述观点不构成投资建议。'],
  },
  'byline lines': {
    noise: ['〔記者陳怡君／台北報導〕', '記者林志明／台中報導', '（中央社記者林志明台北12日電）'],
    prose: ['記者到場了解後報導', '记者从市交通运输局获悉，城际公交开通首月客流超过十万人次。'],
  },
};

describe('noise lines, kind by kind', () => {
  for (const [kind, { noise, prose }] of Object.entries(KINDS)) {
    it(`${kind}: the lines are noise, sentences with the same words are not`, () => {
      for (const s of noise) expect(isNoiseLine(s), s).toBe(true);
      for (const s of prose) expect(isNoiseLine(s), s).toBe(false);
    });
  }
});

describe('photo captions', () => {
  it('reads uncredited caption lines, not credited ones or long prose', () => {
    expect(isPhotoCaption('图为在浅滩觅食的白鹭。')).toBe(true);
    expect(isPhotoCaption('　　图注：湿地公园核心区的观鸟屏障')).toBe(true);
    expect(isPhotoCaption('圖說：街角經營多年的士多')).toBe(true);
    expect(isPhotoCaption('图为乘客在五号线站台候车。江川日报记者 周航 摄')).toBe(false);
    expect(isPhotoCaption('5月12日，乘客排队上车。（新华社发 刘明 摄）')).toBe(false);
    expect(isPhotoCaption(`图为何要这样设计？${'运营公司解释说，这样可以把上下车的乘客分开。'.repeat(4)}`)).toBe(false);
  });
  it('marks a caption under its image as a figcaption, out of the text; one between paragraphs stays text', () => {
    const d = doc(`<div id="b"><p>正文第一段，内容很长很长很长很长很长很长很长很长很长很长很长。</p>
      <p align="center"><img src="/p.jpg"></p><p align="center">图为候车的乘客。</p>
      <p>正文第二段，内容也很长很长很长很长很长很长很长很长很长很长很长。</p><p>图为何不早点修？市民这样问。</p>
      <p>正文第三段，内容也很长很长很长很长很长很长很长很长很长很长很长。</p></div>`);
    const root = d.getElementById('b')!.cloneNode(true) as Element;
    cleanBody(root);
    const s = serializeBody(root, 'https://n.example.cn/a/1.shtml');
    expect(s.paragraphs).not.toContain('图为候车的乘客。');
    expect(s.paragraphs).toContain('图为何不早点修？市民这样问。');
    expect(s.html).toContain('<figcaption>图为候车的乘客。</figcaption>');
    expect(s.images[0]?.caption).toBe('图为候车的乘客。');
  });
  it('leaves the captions of a photo story as its text', () => {
    const pics = [1, 2, 3].map((i) => `<p><img src="/p${i}.jpg"></p><p>图为江川夜景之${i}。</p>`).join('');
    const d = doc(`<div id="b">${pics}<p>江川夜景组图，共三张。</p></div>`);
    const root = d.getElementById('b')!.cloneNode(true) as Element;
    cleanBody(root);
    expect(serializeBody(root, 'https://n.example.cn/a/1.shtml').paragraphs).toContain('图为江川夜景之2。');
  });
});

describe('streams', () => {
  const card = (i: number) =>
    `<div class="card"><a href="/a/${i}.html">江川新区第${i}批人才公寓交付</a><p>人才公寓提供房源八百余套，入住率超过九成。</p><span>3小时前</span></div>`;
  const comment = (i: number) =>
    `<div class="c"><span>网友${i}</span><p>城际公交确实方便，比以前省了不少时间。</p><span>IP属地：广东</span><span>回复</span></div>`;
  it('finds a teaser feed and a comment stream among repeated siblings', () => {
    const d = doc(
      `<div id="f">${[1, 2, 3, 4, 5].map(card).join('')}</div><div id="c">${[1, 2, 3, 4].map(comment).join('')}</div>`,
    );
    expect(streamAmong(d.getElementById('f')!)?.items).toHaveLength(5);
    expect(streamAmong(d.getElementById('c')!)?.items).toHaveLength(4);
    expect(isStreamBlock(d.getElementById('f')!)).toBe(true);
  });
  it('takes no live blog, interview or linked list inside a sentence for one', () => {
    const live = [1, 2, 3, 4, 5].map(
      (i) => `<div class="e"><span>10:0${i}</span><p>选手通过${i}号补给站，配速稳定。</p></div>`,
    );
    const books = [1, 2, 3, 4, 5].map(
      (i) => `<li><a href="/b/${i}.html">《江河入海${i}》</a>：长篇小说，讲述三代航运人的故事。</li>`,
    );
    const d = doc(`<div id="l">${live.join('')}</div><ul id="b">${books.join('')}</ul>`);
    expect(streamAmong(d.getElementById('l')!)).toBeNull();
    expect(streamAmong(d.getElementById('b')!)).toBeNull();
  });
});
