// The progress of an upload as the browser sees it, and its failure, with no event of its own.
//
// Reflex sends chosen files with an XMLHttpRequest (POST /_upload, the handler named in the
// Reflex-Event-Handler header) that it starts from the upload event itself. This module watches
// those requests: it never changes them, it only listens. Each <UploadProgress> says which upload
// handlers belong to its upload id; when a request to one of them starts, its bar shows at once
// ("Sending…", 0 %), follows the request's own upload progress, says "Sent. Checking…" once every
// byte has gone, and goes when the answer has arrived (the handler and what it chains are done).
// A request that ends without a 2xx answer (413 from the upload guard, a dropped connection) leaves
// a message instead, in the words the Python side gave, and the files stay chosen to try again.
//
// So a click starts exactly one event, the upload: the bar needs no server event before it, and
// there is no order between two events to get wrong (the flake this replaced: issue 11, item 5).
// While a request runs, the form around the bar is aria-busy and its buttons wait (styles.css).
import { useContext, useEffect, useRef, useSyncExternalStore } from "react";
import { UploadFilesContext } from "$/utils/context";

const IDLE = Object.freeze({ stage: "idle", percent: 0, files: 0, status: 0 });
const records = new Map(); // upload id -> { stage, percent, files, status, request }
const listeners = new Set();
const uploadIdOf = new Map(); // upload handler's full name -> upload id

function publish(uploadId, record) {
  records.set(uploadId, record);
  listeners.forEach((listener) => listener());
}

function subscribe(listener) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function isUploadUrl(url) {
  try {
    return new URL(String(url), window.location.href).pathname.replace(/\/+$/, "").endsWith("/_upload");
  } catch {
    return false;
  }
}

function follow(request, uploadId, body) {
  const files = body instanceof FormData ? body.getAll("files").length : 0;
  const base = { files, status: 0, request };
  const update = (change) => {
    if (records.get(uploadId)?.request === request) publish(uploadId, { ...records.get(uploadId), ...change });
  };
  publish(uploadId, { ...base, stage: "sending", percent: 0 });
  request.upload.addEventListener("progress", (event) => {
    if (event.lengthComputable && event.total > 0) {
      update({ percent: Math.min(100, Math.floor((event.loaded * 100) / event.total)) });
    }
  });
  request.upload.addEventListener("load", () => update({ stage: "sent", percent: 100 }));
  request.addEventListener("loadend", () => {
    const ok = request.status >= 200 && request.status < 300;
    update(ok ? { ...IDLE, request } : { stage: "failed", percent: 0, status: request.status });
  });
}

let watching = false;
function watchUploads() {
  if (watching || typeof XMLHttpRequest === "undefined") return;
  watching = true;
  const proto = XMLHttpRequest.prototype;
  const { open, setRequestHeader, send } = proto;
  proto.open = function (method, url, ...rest) {
    this.__uploadWatch = String(method).toUpperCase() === "POST" && isUploadUrl(url) ? {} : null;
    return open.call(this, method, url, ...rest);
  };
  proto.setRequestHeader = function (name, value) {
    if (this.__uploadWatch && String(name).toLowerCase() === "reflex-event-handler") {
      this.__uploadWatch.uploadId = uploadIdOf.get(value);
    }
    return setRequestHeader.call(this, name, value);
  };
  proto.send = function (body) {
    const uploadId = this.__uploadWatch?.uploadId;
    if (uploadId) follow(this, uploadId, body);
    return send.call(this, body);
  };
}

export function UploadProgress({ uploadId, handlers, texts, onlyWithFiles = true }) {
  watchUploads();
  for (const handler of handlers ?? []) uploadIdOf.set(handler, uploadId);
  const record = useSyncExternalStore(subscribe, () => records.get(uploadId) ?? IDLE, () => IDLE);
  const [filesById] = useContext(UploadFilesContext);
  const chosen = filesById[uploadId];
  const slot = useRef(null);

  const busy = record.stage === "sending" || record.stage === "sent";
  useEffect(() => {
    const form = slot.current?.closest("form");
    if (!form) return;
    if (busy) form.setAttribute("aria-busy", "true");
    else form.removeAttribute("aria-busy");
  }, [busy]);

  // A new choice of files puts a failure message away.
  const seen = useRef(chosen);
  useEffect(() => {
    if (seen.current === chosen) return;
    seen.current = chosen;
    if (records.get(uploadId)?.stage === "failed") publish(uploadId, IDLE);
  }, [chosen]);

  const t = texts ?? {};
  const shown = busy && (!onlyWithFiles || record.files > 0);
  const [before, after] = (t.percent ?? "{n}%").split("{n}");
  return (
    <div ref={slot} className="upload-progress-slot">
      {record.stage === "failed" && (
        <p role="alert" className="upload-failed" data-testid="upload-failed">
          {record.status === 413 ? t.tooLarge : t.failed}
        </p>
      )}
      {shown && (
        <div className="upload-progress" data-testid="upload-progress">
          <div className="upload-progress-head">
            <span role="status">{record.stage === "sending" ? t.sending : t.sent}</span>
            <span className="upload-progress-percent" data-testid="upload-percent">
              {before}{record.percent}{after ?? ""}
            </span>
          </div>
          <div role="progressbar" aria-label={t.progress} aria-valuemin={0} aria-valuemax={100}
               aria-valuenow={record.percent} className="upload-progress-track">
            <div className="upload-progress-fill" style={{ width: `${record.percent}%` }} />
          </div>
        </div>
      )}
    </div>
  );
}
