import Foundation
import Testing
import TakehomeCore
@testable import TakehomeRunners

/// Every event of `xml`, or the failure that stopped the reading.
private func events(_ xml: String) -> Result<[XMLReader.Event], XMLReader.Failure> {
    var read: [XMLReader.Event] = []
    do {
        try XMLReader.read(Data(xml.utf8)) { read.append($0) }
        return .success(read)
    } catch let failure as XMLReader.Failure {
        return .failure(failure)
    } catch {
        Issue.record("unexpected \(error)")
        return .success([])
    }
}

private func failure(_ xml: String) -> XMLReader.Failure? {
    if case .failure(let failure) = events(xml) { return failure }
    return nil
}

@Suite struct XMLReaderTests {
    @Test func readsElementsAttributesTextAndCDATAInOrder() throws {
        let xml = """
            \u{FEFF}<?xml version="1.0" encoding="utf-8"?>
            <!DOCTYPE coverage SYSTEM 'http://cobertura.sourceforge.net/xml/coverage-04.dtd'>
            <!-- generated -->
            <s:suite a="1" b='two words' s:c="&lt;&amp;&gt;&quot;&apos;">x &amp; y<![CDATA[ <raw> & ]]><?pi data?><case name="é"/></s:suite>

            """
        let read = try events(xml).get()
        #expect(read == [
            .start("s:suite", attributes: ["a": "1", "b": "two words", "s:c": "<&>\"'"]),
            .text("x & y"), .text(" <raw> & "),
            .start("case", attributes: ["name": "é"]), .end("case"),
            .end("s:suite"),
        ])
    }

    @Test func normalisesLineEndsAndAttributeWhitespace() throws {
        let read = try events("<a v=\"1\r\n2\t3\">x\r\ny\rz&#10;&#x41;&#65;</a>").get()
        #expect(read == [.start("a", attributes: ["v": "1 2 3"]), .text("x\ny\nz\nAA"), .end("a")])
    }

    @Test func skipsADoctypeWithAnInternalSubsetUnread() throws {
        // The subset declares an entity; the reader never expands it, and refuses a reference to it.
        let doctype = """
            <!DOCTYPE lol [
              <!ENTITY lol "lol">
              <!-- a ] and a > in a comment -->
              <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
            ]>
            """
        #expect(try events(doctype + "<r>ok</r>").get() == [.start("r", attributes: [:]), .text("ok"), .end("r")])
        #expect(failure(doctype + "<r>&lol2;</r>") == XMLReader.Failure(line: 5, reason: "undefined entity &lol2;"))
    }

    @Test func refusesExternalEntitiesInsteadOfReadingFiles() {
        let xml = """
            <?xml version="1.0"?>
            <!DOCTYPE r [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
            <r>&secret;</r>
            """
        #expect(failure(xml) == XMLReader.Failure(line: 3, reason: "undefined entity &secret;"))
    }

    @Test(arguments: [
        ("<a><b></a>", 1, "end tag </a> where </b> is expected"),
        ("<a>\n<b>\n</b>\n", 4, "<a> is not closed at the end of the file"),
        ("<a/><b/>", 1, "a second root element <b>"),
        ("<a/>tail", 1, "text after the root element"),
        ("lead<a/>", 1, "text before the root element"),
        ("</a>", 1, "end tag </a> with no element open"),
        ("", 1, "no root element"),
        ("<!-- only a comment -->", 1, "no root element"),
        ("<a x=\"1\" x=\"2\"/>", 1, "attribute x given twice in <a>"),
        ("<a x=1/>", 1, "the value of attribute x of <a> is not quoted"),
        ("<a x/>", 1, "attribute x of <a> has no value"),
        ("<a x=\"1\"y=\"2\"/>", 1, "no space before an attribute of <a>"),
        ("<a x=\"<\"/>", 1, "< in the value of attribute x"),
        ("<a x=\"open/>", 1, "the value of attribute x is not closed"),
        ("<a>\n1 & 2</a>", 2, "& is not escaped as &amp;"),
        ("<a>&nbsp;</a>", 1, "undefined entity &nbsp;"),
        ("<a>&#0;</a>", 1, "&#0; is not a character XML allows"),
        ("<a>&#xD800;</a>", 1, "&#xD800; is not a character XML allows"),
        ("<a>&#+65;</a>", 1, "&#+65; is not a character XML allows"),
        ("<a>\u{1}</a>", 1, "control character 0x01"),
        ("<a>\n<!-- never closed", 2, "comment is not closed"),
        ("<a><![CDATA[ never closed", 1, "CDATA section is not closed"),
        ("<![CDATA[x]]><a/>", 1, "CDATA section outside the root element"),
        ("<?xml version='1.0'", 1, "processing instruction is not closed"),
        ("<!DOCTYPE a [ <!ENTITY x 'y'>", 1, "DOCTYPE is not closed"),
        ("<a/><!DOCTYPE a>", 1, "DOCTYPE after the root element"),
        ("<!ELEMENT a ANY><a/>", 1, "a name cannot start with '!'"),
        ("<1a/>", 1, "a name cannot start with '1'"),
        ("<a", 1, "tag <a is not closed"),
        ("<a></a", 1, "end tag </a is not closed with >"),
        ("<", 1, "a name is cut off by the end of the file"),
    ])
    func refusesWhatIsNotWellFormed(xml: String, line: Int, reason: String) {
        #expect(failure(xml) == XMLReader.Failure(line: line, reason: reason))
    }

    @Test func stopsAtTheFailureAfterHandingOverWhatCameBefore() {
        var read: [XMLReader.Event] = []
        #expect(throws: XMLReader.Failure.self) { try XMLReader.read(Data("<a><b/><c></a>".utf8)) { read.append($0) } }
        #expect(read == [.start("a", attributes: [:]), .start("b", attributes: [:]), .end("b"), .start("c", attributes: [:])])
    }

    @Test func readsInvalidUTF8Leniently() throws {
        var bytes = Data("<a n=\"".utf8)
        bytes.append(contentsOf: [0xFF, 0x41])
        bytes.append(contentsOf: Data("\">\u{1F600}</a>".utf8))
        var read: [XMLReader.Event] = []
        try XMLReader.read(bytes) { read.append($0) }
        #expect(read == [.start("a", attributes: ["n": "\u{FFFD}A"]), .text("\u{1F600}"), .end("a")])
    }

    @Test func junitMessagesComeFromAttributesTextOrCDATA() throws {
        let xml = """
            <testsuites><testsuite name="jest">
            <testcase classname="sum" name="adds" time="0.0105"><failure message="expected 3&#10;received 4">stack</failure></testcase>
            <testcase classname="sum" name="subtracts" time="0.002"><failure><![CDATA[Error: expect(received).toBe(expected)
                at Object.<anonymous> (sum.test.js:9:20)]]></failure></testcase>
            <testcase classname="sum" name="skips"><skipped/></testcase>
            </testsuite></testsuites>
            """
        let report = try JUnitReport.parse(Data(xml.utf8))
        #expect(report.cases.map(\.id) == ["sum::adds", "sum::subtracts", "sum::skips"])
        #expect(report.cases.map(\.status) == [.failed, .failed, .skipped])
        #expect(report.cases.map(\.message) == ["expected 3", "Error: expect(received).toBe(expected)", nil])
        #expect(report.cases[0].durationMs == 11)
    }

    @Test func resultFileErrorsNameTheLine() {
        #expect(throws: TakehomeError.self) { try JUnitReport.parse(Data("<testsuite>\n<testcase>\n</testsuite>".utf8)) }
        do {
            _ = try JUnitReport.parse(Data("<testsuite>\n<testcase>\n</testsuite>".utf8))
        } catch let error as TakehomeError {
            #expect(error.message == "the JUnit result file does not parse: line 3: end tag </testsuite> where </testcase> is expected")
            #expect(error.exitCode == .dataError)
        } catch {
            Issue.record("unexpected \(error)")
        }
        do {
            _ = try CoberturaParser.parse(Data("<report/>".utf8), root: "/")
            Issue.record("a document without <coverage> must be refused")
        } catch let error as TakehomeError {
            #expect(error.message == "the Cobertura coverage file does not parse: no <coverage> element")
        } catch {
            Issue.record("unexpected \(error)")
        }
    }
}
