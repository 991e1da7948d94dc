// Thumbnails of the files chosen in a Reflex upload zone, before anything is sent.
//
// Reflex keeps the chosen File objects in the browser, in UploadFilesContext (filesById[upload id]),
// until rx.upload_files sends them. Each choice gets object URLs (blob:, allowed for img-src and
// media-src by the page's Content-Security-Policy), revoked when the choice changes or the zone goes.
// A video shows its first frame: the player loads only its metadata and seeks to 0.1 s.
// No words here: names and sizes only; the Python side gives the list its translated label.
import { useContext, useEffect, useRef, useState } from "react";
import { UploadFilesContext } from "$/utils/context";

const MEGABYTE = 1024 * 1024;

function sizeText(bytes) {
  const lang = document.documentElement.lang || undefined;
  const mb = bytes >= MEGABYTE;
  const value = new Intl.NumberFormat(lang, { maximumFractionDigits: mb ? 1 : 0 })
    .format(mb ? bytes / MEGABYTE : Math.max(1, bytes / 1024));
  return `${value} ${mb ? "MB" : "KB"}`;
}

function kindOf(file) {
  if (file.type.startsWith("image/")) return "image";
  if (file.type.startsWith("video/")) return "video";
  return "file";
}

function Thumbnail({ preview }) {
  if (preview.kind === "image") {
    return <img src={preview.url} alt={preview.name} className="upload-preview-media" />;
  }
  if (preview.kind === "video") {
    return (
      <video src={`${preview.url}#t=0.1`} preload="metadata" muted playsInline
             aria-label={preview.name} className="upload-preview-media" />
    );
  }
  const extension = preview.name.includes(".") ? preview.name.split(".").pop().toUpperCase() : "";
  return <span className="upload-preview-media upload-preview-file" aria-hidden="true">{extension}</span>;
}

export function UploadPreviews({ uploadId, label, onFilesChange }) {
  const [filesById] = useContext(UploadFilesContext);
  const files = filesById[uploadId];
  const [previews, setPreviews] = useState([]);

  useEffect(() => {
    const made = (files ?? []).map((file) => {
      const kind = kindOf(file);
      const url = kind === "file" ? null : URL.createObjectURL(file);
      return { name: file.name, size: file.size, kind, url };
    });
    setPreviews(made);
    return () => made.forEach((preview) => preview.url && URL.revokeObjectURL(preview.url));
  }, [files]);

  // Tell the server each time the choice changes (not on the first render): it clears an old refusal.
  const reported = useRef(files);
  useEffect(() => {
    if (reported.current === files) return;
    reported.current = files;
    onFilesChange?.((files ?? []).map((file) => file.name));
  }, [files]);

  if (previews.length === 0) return null;
  return (
    <ul className="upload-previews" aria-label={label} data-testid="upload-previews">
      {previews.map((preview, index) => (
        <li key={`${index}-${preview.name}`} className="upload-preview" data-kind={preview.kind}>
          <Thumbnail preview={preview} />
          <span className="upload-preview-name">{preview.name}</span>
          <span className="upload-preview-size">{sizeText(preview.size)}</span>
        </li>
      ))}
    </ul>
  );
}
