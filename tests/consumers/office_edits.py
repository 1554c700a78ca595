#!/usr/bin/python3
"""Edits a Yttra document in LibreOffice the way a board secretary does, then saves it as DOCX.

Runs under Debian's system python3 with python3-uno; starts its own headless soffice with a
throw-away profile. Each field is found from the anchor bookmark Yttra puts beside it, its text
is selected with the view cursor and typed over through LibreOffice's own typing command, one
key at a time, as a user would.

Usage: office_edits.py IN.docx OUT.docx EDIT...; each EDIT is NAME=TEXT (a field by its anchor
bookmark name: Y1l_R1_stance, Y1a_B1_motivation, Y1c0_A1_action) or +TEXT (a paragraph typed at
the end of the document, outside every field).
"""
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time

import uno
from com.sun.star.beans import PropertyValue
from com.sun.star.connection import NoConnectException


def prop(name, value):
    p = PropertyValue()
    p.Name, p.Value = name, value
    return p


class Office:
    """A headless soffice of our own, reached over a pipe; always stopped by close()."""

    def __init__(self, timeout=90):
        self.home = tempfile.mkdtemp(prefix="yttra-office-")
        pipe = "yttra_%d" % os.getpid()
        profile = uno.systemPathToFileUrl(os.path.join(self.home, "profile"))
        self.process = subprocess.Popen(
            ["soffice", "--headless", "--invisible", "--nologo", "--norestore", "--nodefault",
             "--nolockcheck", "-env:UserInstallation=" + profile,
             "--accept=pipe,name=%s;urp;StarOffice.ComponentContext" % pipe],
            env=dict(os.environ, HOME=self.home), stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
        local = uno.getComponentContext()
        resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
        deadline = time.time() + timeout
        while True:
            try:
                self.context = resolver.resolve("uno:pipe,name=%s;urp;StarOffice.ComponentContext" % pipe)
                break
            except NoConnectException:
                if self.process.poll() is not None or time.time() > deadline:
                    self.close()
                    raise RuntimeError("LibreOffice did not start")
                time.sleep(0.3)
        manager = self.context.ServiceManager
        self.desktop = manager.createInstanceWithContext("com.sun.star.frame.Desktop", self.context)
        self.dispatcher = manager.createInstanceWithContext("com.sun.star.frame.DispatchHelper", self.context)

    def close(self):
        try:
            self.desktop.terminate()
        except Exception:
            pass
        try:
            self.process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait()
        shutil.rmtree(self.home, ignore_errors=True)


class Typist:
    """Moves the view cursor and types through .uno:InsertText, as keyboard input does."""

    def __init__(self, office, document):
        self.office = office
        self.controller = document.getCurrentController()
        self.frame = self.controller.getFrame()

    def select(self, start, end):
        cursor = self.controller.getViewCursor()
        cursor.gotoRange(start, False)
        cursor.gotoRange(end, True)

    def command(self, name, *arguments):
        self.office.dispatcher.executeDispatch(self.frame, name, "", 0, tuple(arguments))

    def type(self, text):
        if not self.controller.getViewCursor().isCollapsed():
            self.command(".uno:Delete")
        for character in text:
            self.command(".uno:InsertText", prop("Text", character))


def field_range(document, name):
    """The text a field's anchor points at, as (start, end) ranges, by the anchor's mode."""
    anchor = document.getBookmarks().getByName(name).getAnchor()
    text = anchor.getText()
    mode = name[1:].lstrip("0123456789")
    cursor = text.createTextCursorByRange(anchor.getStart())
    if mode.startswith("l"):  # the rest of the paragraph after its label "…: "
        cursor.gotoEndOfParagraph(True)
        label = cursor.getString().split(": ", 1)[0] + ": "
        cursor.collapseToStart()
        cursor.goRight(len(label), False)
        cursor.gotoEndOfParagraph(True)
    elif mode.startswith("a"):  # the paragraph after the anchored one
        cursor.gotoNextParagraph(False)
        cursor.gotoEndOfParagraph(True)
    elif mode.startswith("c"):  # the first paragraph of a cell of the anchored row
        column = int(mode[1:].split("_")[0])
        table = anchor.TextTable
        row = "".join(ch for ch in anchor.Cell.CellName if ch.isdigit())
        cell = table.getCellByName(chr(ord("A") + column) + row)
        cursor = cell.createTextCursor()
        cursor.gotoStart(False)
        cursor.gotoEndOfParagraph(True)
    else:
        raise ValueError(name)
    return cursor.getStart(), cursor.getEnd()


def main(source, target, edits):
    office = Office()
    try:
        url = uno.systemPathToFileUrl(os.path.abspath(source))
        document = office.desktop.loadComponentFromURL(url, "_blank", 0, (prop("Hidden", True),))
        if document is None:  # e.g. a lock file left beside it by an earlier run
            raise RuntimeError("LibreOffice could not open " + source)
        typist = Typist(office, document)
        for edit in edits:
            if edit.startswith("+"):
                end = document.getText().getEnd()
                typist.select(end, end)
                typist.command(".uno:InsertPara")
                typist.type(edit[1:])
                continue
            name, text = edit.split("=", 1)
            typist.select(*field_range(document, name))
            typist.type(text)
        document.storeToURL(uno.systemPathToFileUrl(os.path.abspath(target)),
                            (prop("FilterName", "MS Word 2007 XML"),))
        document.close(True)
    finally:
        office.close()


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], sys.argv[3:])
