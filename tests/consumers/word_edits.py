"""Edits a Yttra document the way a board secretary does in Word, with python-docx: the text of
a field is changed where it stands, found from the anchor bookmark Yttra puts beside it.

Usage as a script: word_edits.py IN.docx OUT.docx EDIT...; each EDIT is NAME=TEXT (a field by
its anchor bookmark name, e.g. Y1l_R1_stance=Instämmer delvis, Y1c0_A1_action=Ny text), +TEXT
(a paragraph typed at the end, outside every field) or -NAME (the paragraph holding that anchor
deleted, as a user deletes a line).
"""
import sys

import docx
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph


def anchored_paragraph(document, name):
    """The paragraph holding the bookmark `name`."""
    for start in document.element.body.iter(qn("w:bookmarkStart")):
        if start.get(qn("w:name")) == name:
            return Paragraph(start.getparent(), document)
    raise KeyError(name)


def replace_text(paragraph, text):
    """The paragraph's visible text replaced, keeping its first run's formatting."""
    runs = paragraph.runs
    if not runs:  # an empty paragraph, as a form's answer starts
        paragraph.add_run(text)
        return
    runs[0].text = text
    for run in runs[1:]:
        run._r.getparent().remove(run._r)


def set_field(document, name, text):
    paragraph = anchored_paragraph(document, name)
    mode = name[1:].lstrip("0123456789")[:1]
    if mode == "l":  # the rest of the labelled paragraph
        label = paragraph.runs[0].text
        assert label.endswith(": "), label
        if len(paragraph.runs) == 1:  # nothing after the label yet
            paragraph.add_run(text)
        else:
            paragraph.runs[1].text = text
            for run in paragraph.runs[2:]:
                run._r.getparent().remove(run._r)
    elif mode == "a":  # the paragraph after the anchor, typed anew when there is none
        following = paragraph._p.getnext()
        if following is not None and following.tag == qn("w:p") and following.find(qn("w:bookmarkStart")) is None:
            replace_text(Paragraph(following, document), text)
        else:
            paragraph.insert_paragraph_before(text)  # then moved below the anchor
            new = paragraph._p.getprevious()
            paragraph._p.addnext(new)
    elif mode == "s":
        replace_text(paragraph, text)
    elif mode == "c":  # a cell of the anchored row
        column = int(name[1:].lstrip("0123456789")[1:].split("_")[0])
        cell = paragraph._p.getparent()
        row = cell.getparent()
        target = row.findall(qn("w:tc"))[column]
        replace_text(Paragraph(target.find(qn("w:p")), document), text)
    else:
        raise ValueError(name)


def main(source, target, edits):
    document = docx.Document(source)
    for edit in edits:
        if edit.startswith("+"):
            document.add_paragraph(edit[1:])
        elif edit.startswith("-"):
            paragraph = anchored_paragraph(document, edit[1:])._p
            paragraph.getparent().remove(paragraph)
        else:
            name, text = edit.split("=", 1)
            set_field(document, name, text)
    document.save(target)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], sys.argv[3:])
