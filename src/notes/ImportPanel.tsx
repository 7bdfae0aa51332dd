import { useState } from 'preact/hooks';
import type { ImportPreview } from './import';

interface Props {
  preview: ImportPreview;
  fileName: string;
  onImport: (replace: boolean) => void;
  onCancel: () => void;
}

/** Preview of an import: how many notes are new and how many duplicate stored ones (by canonical URL). */
export function ImportPanel({ preview, fileName, onImport, onCancel }: Props) {
  const [replace, setReplace] = useState(false);
  return (
    <section class="import-preview" role="dialog" aria-label="导入预览">
      <h2>导入 {fileName}</h2>
      <p id="import-summary">共 {preview.total} 条笔记：{preview.fresh.length} 条新的，{preview.duplicates.length} 条与已有笔记重复（同一网址）。</p>
      {preview.fresh.length > 0 && (
        <ul class="import-list">{preview.fresh.slice(0, 10).map((n) => <li key={n.id}>{n.article.title}</li>)}
          {preview.fresh.length > 10 && <li>…</li>}</ul>
      )}
      {preview.duplicates.length > 0 && (
        <label><input type="checkbox" checked={replace} onChange={(e) => setReplace(e.currentTarget.checked)} />
          用文件中的版本替换重复的笔记（否则跳过）</label>
      )}
      <div class="row">
        <button type="button" id="import-confirm" onClick={() => onImport(replace)}>导入</button>
        <button type="button" onClick={onCancel}>取消</button>
      </div>
    </section>
  );
}
