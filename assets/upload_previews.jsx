// Thumbnails of the files chosen in a Reflex upload zone, before anything is sent.
//
// Reflex keeps the chosen File objects in the browser, in UploadFilesContext (filesById[upload id]),
// until rx.upload_files sends them. Each choice gets object URLs (blob:, allowed for img-src and
// media-src by the page's Content-Security-Policy), revoked when the choice changes or the zone goes.
// A video shows its first frame: the player loads only its metadata and seeks to 0.1 s.
// No words here: names and sizes only; the Python side gives the list its translated label.
//
// The checks react-dropzone cannot make (it has one size limit for the whole zone) are made here,
// on the chosen files, before anything is sent: a photo over the photos' own limit, and an image
// with more pixels than the server takes (read from the thumbnail itself once it has loaded). Such a
// file leaves the choice at once and `onRefused` gets it in react-dropzone's shape, with codes
// "photo-too-large" or "too-many-pixels"; the Python side words the message.
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

function refusal(file, code) {
  return { file: { path: file.name }, errors: [{ code }] };
}

function Thumbnail({ preview, onPixels }) {
  if (preview.kind === "image") {
    return (
      <img src={preview.url} alt={preview.name} className="upload-preview-media"
           onLoad={(e) => onPixels?.(preview.file, e.currentTarget.naturalWidth * e.currentTarget.naturalHeight)} />
    );
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

export function UploadPreviews({ uploadId, label, checks, onFilesChange, onRefused }) {
  const [filesById, setFilesById] = useContext(UploadFilesContext);
  const files = filesById[uploadId];
  const [previews, setPreviews] = useState([]);

  // Takes refused files out of the choice (the zone's other files stay) and says why.
  const refuse = (records) => {
    const gone = new Set(records.map((record) => record.file));
    onRefused?.(records.map((record) => refusal(record.file, record.code)));
    setFilesById((current) => {
      const kept = (current[uploadId] ?? []).filter((file) => !gone.has(file));
      return { ...current, [uploadId]: kept };
    });
  };

  const photoMax = checks?.photoMaxBytes ?? 0;
  const tooLarge = (files ?? []).filter((file) => photoMax > 0 && kindOf(file) === "image" && file.size > photoMax);

  useEffect(() => {
    if (tooLarge.length > 0) return; // refused below; the thumbnails wait for the choice that stays
    const made = (files ?? []).map((file) => {
      const kind = kindOf(file);
      const url = kind === "file" ? null : URL.createObjectURL(file);
      return { file, name: file.name, size: file.size, kind, url };
    });
    setPreviews(made);
    return () => made.forEach((preview) => preview.url && URL.revokeObjectURL(preview.url));
  }, [files]);

  // Tell the server each time the choice changes (not on the first render): it clears an old refusal.
  // A choice with a photo over its limit is not reported: the refusal is, then the choice without it.
  const reported = useRef(files);
  useEffect(() => {
    if (reported.current === files) return;
    reported.current = files;
    if (tooLarge.length > 0) {
      refuse(tooLarge.map((file) => ({ file, code: "photo-too-large" })));
      return;
    }
    onFilesChange?.((files ?? []).map((file) => file.name));
  }, [files]);

  const maxPixels = checks?.maxPixels ?? 0;
  const onPixels = (file, pixels) => {
    if (maxPixels > 0 && pixels > maxPixels && (files ?? []).includes(file)) {
      refuse([{ file, code: "too-many-pixels" }]);
    }
  };

  if (previews.length === 0) return null;
  return (
    <ul className="upload-previews" aria-label={label} data-testid="upload-previews">
      {previews.map((preview, index) => (
        <li key={`${index}-${preview.name}`} className="upload-preview" data-kind={preview.kind}>
          <Thumbnail preview={preview} onPixels={onPixels} />
          <span className="upload-preview-name">{preview.name}</span>
          <span className="upload-preview-size">{sizeText(preview.size)}</span>
        </li>
      ))}
    </ul>
  );
}
