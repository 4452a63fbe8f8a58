//! A read-only view of one parsed sentence: heads, children, relations
//! and the entity each token belongs to.

use crate::doc::{Doc, Span, TokenSyntax};

use super::repair::{repaired, Attachment};

/// One sentence's dependency tree, indexed for the rules.
///
/// Token positions are 0-based within the sentence. A head outside the
/// sentence (a malformed parse) is treated as the root, so every query
/// is total.
#[derive(Debug)]
pub struct Tree<'d> {
    doc: &'d Doc,
    /// 0-based sentence index in the document.
    pub sentence: usize,
    /// Document index of the sentence's first token.
    base: usize,
    syntax: &'d [TokenSyntax],
    /// Relations, repaired where [`super::repair`] found a parser error.
    deprels: Vec<&'d str>,
    heads: Vec<Option<u32>>,
    /// Children of token `i` are `children[child_start[i]..child_start[i + 1]]`, in order.
    child_start: Vec<u32>,
    children: Vec<u32>,
    /// Index into `doc.entities` of the entity covering each token.
    entity_of: Vec<Option<u32>>,
}

impl<'d> Tree<'d> {
    /// The tree of sentence `sentence`, with the parser errors of
    /// [`super::repair`] repaired; `None` when the document has no syntax
    /// layer for it.
    pub fn new(doc: &'d Doc, sentence: usize) -> Option<Tree<'d>> {
        let range = doc.sentences.get(sentence)?.tokens.clone();
        let syntax = doc.syntax.get(range.clone())?;
        let arcs: Vec<Attachment<'d>> = repaired(syntax).unwrap_or_else(|| {
            syntax
                .iter()
                .map(|w| Attachment {
                    head: w.head,
                    deprel: &w.deprel,
                })
                .collect()
        });
        let n = syntax.len();
        let heads: Vec<Option<u32>> = arcs
            .iter()
            .enumerate()
            .map(|(i, a)| {
                (a.head >= 1 && a.head <= n && a.head - 1 != i).then(|| (a.head - 1) as u32)
            })
            .collect();
        let deprels = arcs.iter().map(|a| a.deprel).collect();
        let mut counts = vec![0u32; n + 1];
        for h in heads.iter().flatten() {
            counts[*h as usize + 1] += 1;
        }
        for i in 0..n {
            counts[i + 1] += counts[i];
        }
        let mut fill = counts.clone();
        let mut children = vec![0u32; counts[n] as usize];
        for (i, h) in heads.iter().enumerate() {
            if let Some(h) = h {
                let slot = &mut fill[*h as usize];
                children[*slot as usize] = i as u32;
                *slot += 1;
            }
        }
        let mut entity_of = vec![None; n];
        if let (Some(first), Some(last)) = (
            doc.tokens.get(range.start),
            range.end.checked_sub(1).and_then(|e| doc.tokens.get(e)),
        ) {
            let (from, to) = (first.span.start, last.span.end);
            let start = doc.entities.partition_point(|e| e.span.end <= from);
            for (ei, entity) in doc.entities.iter().enumerate().skip(start) {
                if entity.span.start >= to {
                    break;
                }
                for (slot, t) in entity_of.iter_mut().zip(&doc.tokens[range.clone()]) {
                    if slot.is_none() && entity.span.overlaps(&t.span) {
                        *slot = Some(ei as u32);
                    }
                }
            }
        }
        Some(Tree {
            doc,
            sentence,
            base: range.start,
            syntax,
            deprels,
            heads,
            child_start: counts,
            children,
            entity_of,
        })
    }

    /// The document.
    pub fn doc(&self) -> &'d Doc {
        self.doc
    }

    /// Number of tokens.
    pub fn len(&self) -> usize {
        self.syntax.len()
    }

    /// Whether the sentence has no tokens.
    pub fn is_empty(&self) -> bool {
        self.syntax.is_empty()
    }

    /// Document index of token `i`.
    pub fn doc_index(&self, i: usize) -> usize {
        self.base + i
    }

    /// Position in this sentence of document token `token`, if it is here.
    pub fn local(&self, token: usize) -> Option<usize> {
        token.checked_sub(self.base).filter(|&i| i < self.len())
    }

    /// Byte span of token `i`.
    pub fn span(&self, i: usize) -> Span {
        self.doc.tokens[self.base + i].span
    }

    /// Surface of token `i`.
    pub fn text(&self, i: usize) -> &'d str {
        let span = self.span(i);
        &self.doc.text[span.range()]
    }

    /// Lemma of token `i` (as the lemmatizer wrote it).
    pub fn lemma(&self, i: usize) -> &'d str {
        &self.syntax[i].lemma
    }

    /// Universal part of speech of token `i`.
    pub fn upos(&self, i: usize) -> &'d str {
        &self.syntax[i].upos
    }

    /// Penn Treebank tag of token `i`.
    pub fn xpos(&self, i: usize) -> &'d str {
        &self.syntax[i].xpos
    }

    /// Full relation of token `i` to its head (`obl:agent`).
    pub fn deprel(&self, i: usize) -> &'d str {
        self.deprels[i]
    }

    /// Relation of token `i` without its subtype (`obl`).
    pub fn rel(&self, i: usize) -> &'d str {
        let d = self.deprel(i);
        d.split_once(':').map_or(d, |(base, _)| base)
    }

    /// Head of token `i`, `None` for the root.
    pub fn head(&self, i: usize) -> Option<usize> {
        self.heads[i].map(|h| h as usize)
    }

    /// Children of token `i`, in sentence order.
    pub fn children(&self, i: usize) -> impl Iterator<Item = usize> + '_ {
        let (from, to) = (
            self.child_start[i] as usize,
            self.child_start[i + 1] as usize,
        );
        self.children[from..to].iter().map(|&c| c as usize)
    }

    /// Children of `i` whose full relation is `deprel`.
    pub fn children_with<'a>(
        &'a self,
        i: usize,
        deprel: &'a str,
    ) -> impl Iterator<Item = usize> + 'a {
        self.children(i).filter(move |&c| self.deprel(c) == deprel)
    }

    /// The first child of `i` with full relation `deprel`.
    pub fn child_with(&self, i: usize, deprel: &str) -> Option<usize> {
        self.children_with(i, deprel).next()
    }

    /// Whether `i` has a child with full relation `deprel`.
    pub fn has_child(&self, i: usize, deprel: &str) -> bool {
        self.child_with(i, deprel).is_some()
    }

    /// Whether `a` dominates `b` (or is `b`).
    pub fn dominates(&self, a: usize, b: usize) -> bool {
        let mut at = Some(b);
        let mut steps = 0;
        while let Some(x) = at {
            if x == a {
                return true;
            }
            steps += 1;
            if steps > self.len() {
                return false;
            }
            at = self.head(x);
        }
        false
    }

    /// The preposition or postposition marking a nominal: its `case`
    /// children joined by spaces, lowercase (`on`, `according to`,
    /// `because of`), with `fixed` parts of the marker included.
    pub fn case_marker(&self, i: usize) -> Option<String> {
        let mut marker = String::new();
        for c in self.children(i).filter(|&c| self.rel(c) == "case" && c < i) {
            if self.upos(c) == "PART" {
                // possessive 's
                continue;
            }
            push_word(&mut marker, self.text(c));
            for f in self.children_with(c, "fixed") {
                push_word(&mut marker, self.text(f));
            }
        }
        (!marker.is_empty()).then_some(marker)
    }

    /// Index into `doc.entities` of the entity covering token `i`.
    pub fn entity(&self, i: usize) -> Option<usize> {
        self.entity_of[i].map(|e| e as usize)
    }

    /// Tokens of the sentence covered by entity `entity`.
    pub fn entity_tokens(&self, entity: usize) -> std::ops::Range<usize> {
        let first = self
            .entity_of
            .iter()
            .position(|e| *e == Some(entity as u32));
        match first {
            Some(f) => {
                let len = self.entity_of[f..]
                    .iter()
                    .take_while(|e| **e == Some(entity as u32))
                    .count();
                f..f + len
            }
            None => 0..0,
        }
    }

    /// The token of entity `entity` whose head lies outside it: the
    /// entity's syntactic head (its last token if the parse disagrees).
    pub fn entity_head(&self, entity: usize) -> Option<usize> {
        let tokens = self.entity_tokens(entity);
        if tokens.is_empty() {
            return None;
        }
        tokens
            .clone()
            .find(|&t| self.head(t).is_none_or(|h| !tokens.contains(&h)))
            .or(Some(tokens.end - 1))
    }

    /// Whether token `i` is a verb that can head a clause.
    pub fn is_verb(&self, i: usize) -> bool {
        self.upos(i) == "VERB"
    }

    /// Whether token `i` is a common or proper noun.
    pub fn is_noun(&self, i: usize) -> bool {
        matches!(self.upos(i), "NOUN" | "PROPN")
    }

    /// Whether the tag of token `i` is plural (`NNS`, `NNPS`).
    pub fn is_plural(&self, i: usize) -> bool {
        matches!(self.xpos(i), "NNS" | "NNPS")
    }
}

fn push_word(out: &mut String, word: &str) {
    if !out.is_empty() {
        out.push(' ');
    }
    for c in word.chars() {
        out.extend(c.to_lowercase());
    }
}
