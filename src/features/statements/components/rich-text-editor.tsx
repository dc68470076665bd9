"use client";
// Tiptap editor for one section, limited to what ZRichTextSchema allows: paragraphs,
// headings (h3/h4 inside a section), bold, italic, bullet and numbered lists, links and
// block quotes. Its JSON goes through `toStoredDoc` before it is saved.
import { EditorContent, useEditor, useEditorState } from "@tiptap/react";
import StarterKit from "@tiptap/starter-kit";
import { isSafeHref, toEditorDoc, toStoredDoc, type TRichText } from "../rich-text";
import { PROSE_CLASSES } from "./prose";
import { cleanWordHtml } from "./word-paste";

type Props = {
  labelledBy: string;
  initialValue: TRichText;
  onChange: (value: TRichText) => void;
  onBlur: () => void;
  testId?: string;
};

const ToolbarButton = ({ label, pressed, onClick, children }: { label: string; pressed?: boolean; onClick: () => void; children: React.ReactNode }) => (
  <button
    type="button"
    aria-label={label}
    title={label}
    aria-pressed={pressed}
    onMouseDown={(event) => event.preventDefault()}
    onClick={onClick}
    className={`min-w-9 rounded border px-2 py-1 text-sm ${pressed ? "border-brand-700 bg-brand-100" : "border-slate-300 bg-white hover:bg-slate-100"}`}
  >
    {children}
  </button>
);

export const RichTextEditor = ({ labelledBy, initialValue, onChange, onBlur, testId }: Props) => {
  const editor = useEditor({
    immediatelyRender: false,
    extensions: [
      StarterKit.configure({
        code: false,
        codeBlock: false,
        strike: false,
        underline: false,
        horizontalRule: false,
        heading: { levels: [3, 4] },
        link: {
          openOnClick: false,
          autolink: true,
          defaultProtocol: "https",
          protocols: ["http", "https", "mailto"],
          isAllowedUri: (url) => isSafeHref(url),
        },
      }),
    ],
    content: toEditorDoc(initialValue),
    editorProps: {
      attributes: {
        "aria-labelledby": labelledBy,
        "aria-multiline": "true",
        role: "textbox",
        class: `${PROSE_CLASSES} min-h-32 rounded-b border border-slate-300 bg-white px-3 py-2 focus:outline-none`,
        ...(testId ? { "data-testid": testId } : {}),
      },
      transformPastedHTML: cleanWordHtml,
    },
    onUpdate: ({ editor: current }) => onChange(toStoredDoc(current.getJSON())),
    onBlur: () => onBlur(),
  });

  const state = useEditorState({
    editor,
    selector: ({ editor: current }) =>
      current
        ? {
            bold: current.isActive("bold"),
            italic: current.isActive("italic"),
            h3: current.isActive("heading", { level: 3 }),
            h4: current.isActive("heading", { level: 4 }),
            bulletList: current.isActive("bulletList"),
            orderedList: current.isActive("orderedList"),
            blockquote: current.isActive("blockquote"),
            link: current.isActive("link"),
          }
        : null,
  });

  const setLink = () => {
    if (!editor) return;
    const previous = (editor.getAttributes("link").href as string | undefined) ?? "https://";
    const href = window.prompt("Länkadress (börjar med https://, http:// eller mailto:)", previous);
    if (href === null) return;
    if (href.trim() === "") {
      editor.chain().focus().extendMarkRange("link").unsetLink().run();
      return;
    }
    if (!isSafeHref(href.trim())) {
      window.alert("Länken måste börja med https://, http:// eller mailto:.");
      return;
    }
    editor.chain().focus().extendMarkRange("link").setLink({ href: href.trim() }).run();
  };

  return (
    <div>
      <div role="toolbar" aria-label="Formatering" className="flex flex-wrap gap-1 rounded-t border border-b-0 border-slate-300 bg-slate-50 p-1">
        <ToolbarButton label="Fetstil" pressed={state?.bold} onClick={() => editor?.chain().focus().toggleBold().run()}>
          <strong>F</strong>
        </ToolbarButton>
        <ToolbarButton label="Kursiv" pressed={state?.italic} onClick={() => editor?.chain().focus().toggleItalic().run()}>
          <em>K</em>
        </ToolbarButton>
        <ToolbarButton label="Rubrik" pressed={state?.h3} onClick={() => editor?.chain().focus().toggleHeading({ level: 3 }).run()}>
          R1
        </ToolbarButton>
        <ToolbarButton label="Underrubrik" pressed={state?.h4} onClick={() => editor?.chain().focus().toggleHeading({ level: 4 }).run()}>
          R2
        </ToolbarButton>
        <ToolbarButton label="Punktlista" pressed={state?.bulletList} onClick={() => editor?.chain().focus().toggleBulletList().run()}>
          • Lista
        </ToolbarButton>
        <ToolbarButton label="Numrerad lista" pressed={state?.orderedList} onClick={() => editor?.chain().focus().toggleOrderedList().run()}>
          1. Lista
        </ToolbarButton>
        <ToolbarButton label="Citat" pressed={state?.blockquote} onClick={() => editor?.chain().focus().toggleBlockquote().run()}>
          ” Citat
        </ToolbarButton>
        <ToolbarButton label="Länk" pressed={state?.link} onClick={setLink}>
          Länk
        </ToolbarButton>
      </div>
      <EditorContent editor={editor} />
    </div>
  );
};
