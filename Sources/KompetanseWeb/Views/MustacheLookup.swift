import Mustache

// Mustache looks names up with Mirror unless a value answers for itself; reflection is the larger part of
// rendering the catalogue page (many rows and facet options), so the view models used there answer directly.

extension MeasureIndex.Model: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "t": t
        case "query": query
        case "queryEncoded": queryEncoded
        case "resultSummary": resultSummary
        case "facets": facets
        case "hasFilters": hasFilters
        case "measures": measures
        case "pagination": pagination
        default: nil
        }
    }
}

extension MeasureIndex.Row: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "href": href
        case "name": self.name
        case "provider": provider
        case "format": format
        case "price": price
        case "demo": demo
        case "excerpt": excerpt
        default: nil
        }
    }
}

extension MeasureIndex.FacetGroup: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "label": label
        case "options": options
        default: nil
        }
    }
}

extension MeasureIndex.Option: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "id": id
        case "facet": facet
        case "value": value
        case "label": label
        case "count": count
        case "checked": checked
        default: nil
        }
    }
}

extension MeasureIndex.Pagination: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "previous": previous
        case "next": next
        case "pages": pages
        default: nil
        }
    }
}

extension MeasureIndex.PageLink: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "number": number
        case "href": href
        case "current": current
        default: nil
        }
    }
}

extension LayoutModel: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "t": t
        case "htmlLang": htmlLang
        case "title": title
        case "body": body
        case "nav": nav
        case "languages": languages
        case "breadcrumbs": breadcrumbs
        case "hasBreadcrumbs": hasBreadcrumbs
        case "account": account
        case "signInHref": signInHref
        default: nil
        }
    }
}

extension AccountLink: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "name": self.name
        case "href": href
        case "current": current
        default: nil
        }
    }
}

extension NavItem: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "href": href
        case "label": label
        case "current": current
        default: nil
        }
    }
}

extension LanguageLink: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "code": code
        case "label": label
        case "href": href
        case "current": current
        default: nil
        }
    }
}

extension Crumb: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "label": label
        case "href": href
        default: nil
        }
    }
}

extension FrameworkShow.Model: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "t": t
        case "title": title
        case "titleEn": titleEn
        case "creator": creator
        case "version": version
        case "description": description
        case "placeholderCount": placeholderCount
        case "tree": tree
        case "exportHref": exportHref
        default: nil
        }
    }
}

// The framework page renders every node of a framework through the recursive `tree_node` partial.
extension FrameworkShow.TreeItem: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "href": href
        case "label": label
        case "code": code
        case "kind": kind
        case "placeholder": placeholder
        case "children": children
        case "hasChildren": hasChildren
        default: nil
        }
    }
}

extension MeasureShow.Model: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "t": t
        case "name": self.name
        case "description": description
        case "demo": demo
        case "provider": provider
        case "providerHref": providerHref
        case "format": format
        case "audience": audience
        case "level": level
        case "duration": duration
        case "credits": credits
        case "price": price
        case "languages": languages
        case "modes": modes
        case "learningMode": learningMode
        case "sectors": sectors
        case "status": status
        case "keywords": keywords
        case "url": url
        case "taught": taught
        case "hasTaught": hasTaught
        case "provenance": provenance
        case "suggestions": suggestions
        case "hasSuggestions": hasSuggestions
        case "confirmAction": confirmAction
        default: nil
        }
    }
}

extension MatchShow.Model: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "t": t
        case "need": need
        case "filters": filters
        case "hasResult": hasResult
        case "understood": understood
        case "concepts": concepts
        case "hasConcepts": hasConcepts
        case "weak": weak
        case "hits": hits
        default: nil
        }
    }
}

extension MatchShow.Filter: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "id": id
        case "facet": facet
        case "value": value
        case "label": label
        case "checked": checked
        default: nil
        }
    }
}

extension MatchShow.Concept: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "href": href
        case "label": label
        case "code": code
        case "last": last
        default: nil
        }
    }
}

extension MatchShow.Hit: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "href": href
        case "name": self.name
        case "provider": provider
        case "format": format
        case "price": price
        case "score": score
        case "why": why
        case "summary": summary
        default: nil
        }
    }
}

extension NodeShow.Model: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "t": t
        case "label": label
        case "code": code
        case "kind": kind
        case "labelEn": labelEn
        case "frameworkTitle": frameworkTitle
        case "frameworkHref": frameworkHref
        case "placeholder": placeholder
        case "uncertain": uncertain
        case "confidenceNote": confidenceNote
        case "description": description
        case "hasGeneration": hasGeneration
        case "relevantFrom": relevantFrom
        case "criticalFrom": criticalFrom
        case "generationNote": generationNote
        case "source": source
        case "children": children
        case "hasChildren": hasChildren
        case "related": related
        case "hasRelated": hasRelated
        case "measures": measures
        case "hasMeasures": hasMeasures
        default: nil
        }
    }
}

extension CoverageIndex.Model: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "t": t
        case "rows": rows
        default: nil
        }
    }
}

extension CoverageIndex.Row: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "href": href
        case "label": label
        case "code": code
        case "framework": framework
        case "count": count
        default: nil
        }
    }
}
