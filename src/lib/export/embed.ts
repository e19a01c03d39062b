/**
 * The embed snippet: a responsive iframe of a view in embed mode (`?embed=1`), and a few lines of
 * script that let the frame's height follow its content. The embedded page posts
 * `{ type: 'herkomstkloof:height', height }` to its parent; the script accepts such a message only
 * from the app's origin and from that very frame, so no other page or frame can resize it.
 */

/** The message the embedded page posts to its parent. */
export const HEIGHT_MESSAGE = 'herkomstkloof:height';
/** The frame's height before the first message (and if scripts are blocked on the report page). */
export const INITIAL_HEIGHT = 480;

/** Text for an HTML attribute value in double quotes. */
function attr(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** A JavaScript string literal that cannot close the surrounding <script> element. */
function js(text: string): string {
  return JSON.stringify(text)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/** An element id made of letters, digits, `-` and `_` only (anything else becomes `-`). */
function elementId(id: string | undefined): string {
  const clean = (id ?? '').replace(/[^A-Za-z0-9_-]/g, '-');
  return /^[A-Za-z]/.test(clean) ? clean : `herkomstkloof${clean === '' ? '' : `-${clean}`}`;
}

/**
 * HTML to paste into a report page. `src` is the embed URL (with `embed=1`), `title` names the frame
 * for screen readers, `appOrigin` is the origin the app is served from (e.g. `https://example.org`),
 * `id` the frame's element id (default `herkomstkloof`; give each frame on a page its own).
 */
export function embedSnippet(o: { src: string; title: string; appOrigin: string; id?: string }): string {
  const id = elementId(o.id);
  return [
    `<iframe id="${attr(id)}" src="${attr(o.src)}" title="${attr(o.title)}" width="100%" height="${INITIAL_HEIGHT}" loading="lazy" style="display: block; width: 100%; height: ${INITIAL_HEIGHT}px; border: 0;"></iframe>`,
    `<script>`,
    `  (function () {`,
    `    var frame = document.getElementById(${js(id)});`,
    `    window.addEventListener("message", function (event) {`,
    `      if (!frame || event.origin !== ${js(o.appOrigin)} || event.source !== frame.contentWindow) return;`,
    `      var data = event.data;`,
    `      if (!data || data.type !== ${js(HEIGHT_MESSAGE)} || typeof data.height !== "number" || !(data.height > 0 && data.height < 20000)) return;`,
    `      frame.style.height = Math.ceil(data.height) + "px";`,
    `    });`,
    `  })();`,
    `</script>`,
  ].join('\n');
}
