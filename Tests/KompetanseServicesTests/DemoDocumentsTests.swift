import Foundation
import KompetanseDomain
import KompetanseServices
import KompetanseTestSupport
import Testing

/// The documents `make run` ships, so a newcomer's first question is answered: loaded once, the restricted note
/// only for its access group, and questions a newcomer asks answered from them.
@Suite struct DemoDocumentsTests {
    struct Question: Decodable {
        let id: String
        let question: String
        let must_contain: [String]
        let access: String
        let answerable: Bool
    }

    static func questions() throws -> [Question] {
        let url = try #require(Bundle.module.url(forResource: "Fixtures/demo-questions", withExtension: "jsonl"))
        return try String(contentsOf: url, encoding: .utf8).split(separator: "\n").map {
            try JSONDecoder().decode(Question.self, from: Data($0.utf8))
        }
    }

    @Test func theDemoDocumentsLoadOnceAndKeepTheRestrictedNoteToItsGroup() async throws {
        try await TestEngine.sqlite.withServices { services in
            #expect(try await services.documents.seedDemoDocuments() == 10)
            #expect(try await services.documents.seedDemoDocuments() == 0, "loaded once")
            let anonymous = try await services.documents.browse(.init(), as: .anonymous).items
            #expect(anonymous.count == 9 && !anonymous.contains { $0.access != publicAccess })
            let member = Principal.reader(accessGroups: [DocumentService.demoAccessGroup])
            #expect(try await services.documents.browse(.init(), as: member).total == 10)
            let restricted = try Self.questions().first { $0.access != publicAccess && $0.answerable }!
            let outsider = try await services.documents.ask(restricted.question, as: .anonymous)
            #expect(outsider.refused || !restricted.must_contain.contains(where: outsider.text.contains), "the note's figure never reaches an outsider")
            let insider = try await services.documents.ask(restricted.question, as: member)
            #expect(restricted.must_contain.allSatisfy(insider.text.contains), "\(insider.text)")
        }
    }

    /// Questions written with the documents, by someone who had not seen the assistant's rules. Most are answered;
    /// the ones it misses today are listed in the issue notes, not left out of the file.
    @Test func mostQuestionsANewcomerAsksAreAnswered() async throws {
        try await TestEngine.sqlite.withServices { services in
            _ = try await services.documents.seedDemoDocuments()
            var right = 0
            let questions = try Self.questions()
            for question in questions {
                let asker = Principal.reader(accessGroups: question.access == publicAccess ? [] : [question.access])
                let answer = try await services.documents.ask(question.question, as: asker)
                let good = question.answerable ? question.must_contain.allSatisfy(answer.text.contains) : answer.refused
                if good { right += 1 }
            }
            #expect(right >= 7, "\(right) of \(questions.count)")
        }
    }
}
