#!/usr/bin/env python3
"""Builds a BERT-family token-classification model with random weights in the
standard Hugging Face folder layout, plus `reference.json` with what Hugging
Face computes on it, so actant's transformer backend can be checked against
Hugging Face without any downloaded model.

Two presets:

* `tiny` (the committed test fixture, tests/fixtures/tiny-bert/): hidden 32,
  2 layers, 64 positions (so texts of more than 62 word pieces are cut into
  windows), a WordPiece vocabulary of a few hundred pieces trained on the
  fixture texts (accented letters included; one text holds characters the
  vocabulary lacks, so [UNK] occurs). `--arch distilbert` and `--uncased`
  make the variants in tiny-bert/distilbert/ and tiny-bert/uncased/.
* `base` (for scripts/bench-transformer.sh, not committed): BERT-base sizes
  (hidden 768, 12 layers, 12 heads, 512 positions, 9 CoNLL labels) and a
  vocabulary trained on the text of the files given with --vocab-text.

`reference.json` holds, for every text: Hugging Face's windows (input ids and
character offsets, from the fast tokenizer with truncation, `stride` and
overflowing tokens, as the token-classification pipeline makes them), the
model's logits on each window, and the entities of
`pipeline("token-classification", aggregation_strategy="first", stride=...)`.

Usage:
  scripts/make-tiny-bert.py tests/fixtures/tiny-bert
  scripts/make-tiny-bert.py tests/fixtures/tiny-bert/uncased --uncased
  scripts/make-tiny-bert.py tests/fixtures/tiny-bert/distilbert --arch distilbert
  scripts/make-tiny-bert.py bench-data/bert-base --preset base --vocab-text FILE... --no-reference
"""

import argparse
import hashlib
import json
import os
import sys
import tempfile
from collections import Counter

import torch
from tokenizers import normalizers, pre_tokenizers
from transformers import (
    BertConfig,
    BertForTokenClassification,
    BertTokenizerFast,
    DistilBertConfig,
    DistilBertForTokenClassification,
    DistilBertTokenizerFast,
    pipeline,
)

LABELS = ["O", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC", "B-MISC", "I-MISC"]
SPECIALS = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"]

# Texts the tiny vocabulary is trained on and the reference is computed for.
# They cover: several batches' worth of short texts, accented Latin, Cyrillic
# and CJK letters, punctuation inside words, runs of spaces, tabs and
# newlines, an empty text, and (built below) a text far longer than a window.
FIXTURE_TEXTS = [
    "Russia called on Armenia and Azerbaijan to exercise restraint.",
    "Azerbaijani President Ilham Aliyev met Armenian Prime Minister Nikol Pashinyan in Brussels.",
    "Recep Tayyip Erdoğan spoke with Aliyev about Şuşa and Ağdam on Tuesday.",
    "The U.S.-backed talks in Zürich ended without a deal, officials said.",
    "Russia's Defense Ministry said its peacekeepers had evacuated 5,000 civilians.",
    "Protesters in São Paulo and Kraków marched against the sanctions.",
    "Москва обвинила Киев в атаке на Белгород.",
    "北京 and 東京 exchanged notes on the Senkaku islands.",
    "Médecins Sans Frontières said the hospital in El Fasher was shelled.",
    "The UN Security Council voted 13-0 to extend the mission in Haiti.",
    "  Hamas  and\tIsrael agreed to a\ttruce,\n\nmediators in Doha said.  ",
    "",
    "IAEA inspectors returned to Fordow after Tehran's approval.",
    "Houthi rebels fired drones at a tanker in the Red Sea, CENTCOM said.",
    "M23 fighters entered Goma as Congolese troops withdrew toward Sake.",
    "Lukashenko's government rejected the EU sanctions as \"economic war\".",
    "Venezuela's Maduro claimed the Essequibo region from Guyana.",
    "Georgian Dream won the election; Salome Zourabichvili called it rigged.",
    "India and Pakistan traded fire across the Line of Control near Poonch.",
    "Eritrea's Isaias Afwerki warned Ethiopia's Abiy Ahmed over Assab.",
    "Taiwan's defense ministry tracked the USS Ralph Johnson through the strait.",
    "Ñuñoa, Łódź, Ørsted and Āwhitu are names with letters outside ASCII.",
    "Yesterday didn't end well for the ceasefire, said Dr. Kateryna Bondarenko.",
]
# A text with characters the vocabulary never saw, so WordPiece yields [UNK].
UNSEEN_TEXT = "The ☃ summit in Ulaanbaatar drew ⚑ flags and 🙂 smiles from Qatar."


def long_text():
    """About 700 word pieces: many windows of the tiny model, and entities
    beyond piece 512."""
    parts = []
    for i in range(18):
        parts.append(FIXTURE_TEXTS[(i * 5) % len(FIXTURE_TEXTS)] or "Nothing happened.")
        parts.append(f"Report {i + 1}: Pashinyan and Aliyev met again in Geneva, said Erdoğan's office.")
    return " ".join(parts)


def parse_args():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("out", help="model folder to write")
    p.add_argument("--preset", choices=["tiny", "base"], default="tiny")
    p.add_argument("--arch", choices=["bert", "distilbert"], default="bert")
    p.add_argument("--uncased", action="store_true", help="lowercase and strip accents, as uncased BERT")
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--stride", type=int, help="overlap of windows in word pieces (default: window / 4)")
    p.add_argument("--vocab-text", nargs="*", default=[], help="text or CoNLL-U files to train the vocabulary on")
    p.add_argument("--no-reference", action="store_true", help="skip reference.json")
    return p.parse_args()


def preset_sizes(preset):
    if preset == "tiny":
        return dict(hidden=32, layers=2, heads=2, intermediate=64, positions=64, vocab=420, init=0.1)
    return dict(hidden=768, layers=12, heads=12, intermediate=3072, positions=512, vocab=28996, init=0.02)


def read_vocab_text(paths):
    """Lines of plain text; from CoNLL-U files only the `# text =` lines."""
    lines = []
    for path in paths:
        with open(path, encoding="utf-8") as f:
            conllu = path.endswith(".conllu")
            for line in f:
                if conllu:
                    if line.startswith("# text = "):
                        lines.append(line[len("# text = ") :].rstrip("\n"))
                elif line.strip():
                    lines.append(line.rstrip("\n"))
    return lines


def train_vocab(lines, size, uncased):
    """A WordPiece vocabulary: special tokens, every character (alone and as
    a `##` continuation), then the word-initial and inner pieces that cover
    most text, ranked deterministically (count × length, then the piece)."""
    normalizer = normalizers.BertNormalizer(
        clean_text=True, handle_chinese_chars=True, strip_accents=uncased, lowercase=uncased
    )
    pre_tokenizer = pre_tokenizers.BertPreTokenizer()
    words = Counter()
    for line in lines:
        for word, _ in pre_tokenizer.pre_tokenize_str(normalizer.normalize_str(line)):
            words[word] += 1
    chars = sorted({c for word in words for c in word})
    vocab = SPECIALS + chars + ["##" + c for c in chars]
    scores = Counter()
    for word, n in words.items():
        for length in range(2, min(len(word), 10) + 1):
            scores[word[:length]] += n * length
        for start in range(1, len(word)):
            for length in range(2, min(len(word) - start, 6) + 1):
                scores["##" + word[start : start + length]] += n * length
    known = set(vocab)
    for piece, _ in sorted(scores.items(), key=lambda kv: (-kv[1], kv[0])):
        if len(vocab) >= size:
            break
        if piece not in known:
            vocab.append(piece)
            known.add(piece)
    return vocab


def build_model(arch, sizes, vocab_size, seed):
    torch.manual_seed(seed)
    id2label = dict(enumerate(LABELS))
    label2id = {label: i for i, label in id2label.items()}
    if arch == "bert":
        config = BertConfig(
            vocab_size=vocab_size,
            hidden_size=sizes["hidden"],
            num_hidden_layers=sizes["layers"],
            num_attention_heads=sizes["heads"],
            intermediate_size=sizes["intermediate"],
            max_position_embeddings=sizes["positions"],
            initializer_range=sizes["init"],
            id2label=id2label,
            label2id=label2id,
        )
        model = BertForTokenClassification(config)
    else:
        config = DistilBertConfig(
            vocab_size=vocab_size,
            dim=sizes["hidden"],
            n_layers=sizes["layers"],
            n_heads=sizes["heads"],
            hidden_dim=sizes["intermediate"],
            max_position_embeddings=sizes["positions"],
            initializer_range=sizes["init"],
            id2label=id2label,
            label2id=label2id,
        )
        model = DistilBertForTokenClassification(config)
    with torch.no_grad():
        # Spread the logits so labels are decisive (no near-ties that float
        # noise could flip) and make "O" common enough that entities have gaps.
        model.classifier.weight.normal_(0.0, 1.5 / sizes["hidden"] ** 0.5)
        model.classifier.bias.zero_()
        model.classifier.bias[0] = 1.0
    model.eval()
    return model


def write_folder(out, model, vocab, uncased, positions, arch):
    os.makedirs(out, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        vocab_file = os.path.join(tmp, "vocab.txt")
        with open(vocab_file, "w", encoding="utf-8") as f:
            f.write("\n".join(vocab) + "\n")
        tokenizer_class = BertTokenizerFast if arch == "bert" else DistilBertTokenizerFast
        tokenizer = tokenizer_class(
            vocab_file=vocab_file,
            do_lower_case=uncased,
            strip_accents=uncased,
            tokenize_chinese_chars=True,
            model_max_length=positions,
        )
    model.save_pretrained(out, safe_serialization=True)
    tokenizer.save_pretrained(out)
    return tokenizer


def reference(model, tokenizer, texts, stride, positions):
    """Hugging Face's windows, logits and pipeline entities for each text."""
    ner = pipeline(
        "token-classification",
        model=model,
        tokenizer=tokenizer,
        aggregation_strategy="first",
        stride=stride,
        device=-1,
    )
    records = []
    for text in texts:
        enc = tokenizer(
            text,
            truncation=True,
            max_length=positions,
            stride=stride,
            return_overflowing_tokens=True,
            return_offsets_mapping=True,
        )
        windows = []
        for ids, offsets in zip(enc["input_ids"], enc["offset_mapping"]):
            with torch.no_grad():
                logits = model(input_ids=torch.tensor([ids])).logits[0]
            windows.append(
                {
                    "input_ids": ids,
                    "offsets": [list(o) for o in offsets],
                    "logits": [[float(f"{x:.7g}") for x in row] for row in logits.tolist()],
                }
            )
        entities = [
            {
                "label": e["entity_group"],
                "start": int(e["start"]),
                "end": int(e["end"]),
                "score": float(f"{float(e['score']):.7g}"),
                "word": e["word"],
            }
            for e in ner(text)
        ]
        records.append({"text": text, "windows": windows, "entities": entities})
    return records


def smallest_label_margin(records):
    """The smallest gap between the best and second-best logit of any word
    piece: argmax comparisons are only meaningful when it is well above
    float noise."""
    margin = float("inf")
    for record in records:
        for window in record["windows"]:
            for row in window["logits"][1:-1]:
                best, second = sorted(row)[-1], sorted(row)[-2]
                margin = min(margin, best - second)
    return margin


def sha256(path):
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def main():
    args = parse_args()
    sizes = preset_sizes(args.preset)
    if args.preset == "tiny":
        lines = FIXTURE_TEXTS + [long_text()]
    else:
        lines = read_vocab_text(args.vocab_text)
        if not lines:
            sys.exit("make-tiny-bert: --preset base needs --vocab-text files with text")
    vocab = train_vocab(lines, sizes["vocab"], args.uncased)
    model = build_model(args.arch, sizes, len(vocab), args.seed)
    tokenizer = write_folder(args.out, model, vocab, args.uncased, sizes["positions"], args.arch)
    window = sizes["positions"] - 2
    stride = args.stride if args.stride is not None else window // 4

    if not args.no_reference:
        texts = FIXTURE_TEXTS + [UNSEEN_TEXT, long_text()]
        records = reference(model, tokenizer, texts, stride, sizes["positions"])
        margin = smallest_label_margin(records)
        if margin < 1e-3:
            sys.exit(f"make-tiny-bert: two labels are within {margin:.2g} of each other somewhere; try another --seed")
        with open(os.path.join(args.out, "reference.json"), "w", encoding="utf-8") as f:
            json.dump(
                {
                    "generator": "scripts/make-tiny-bert.py " + " ".join(sys.argv[1:]),
                    "transformers": __import__("transformers").__version__,
                    "torch": torch.__version__,
                    "max_length": sizes["positions"],
                    "stride": stride,
                    "texts": records,
                },
                f,
                ensure_ascii=False,
                indent=None,
                separators=(",", ":"),
            )
            f.write("\n")

    for name in sorted(os.listdir(args.out)):
        path = os.path.join(args.out, name)
        if os.path.isfile(path):
            print(f"{sha256(path)}  {name}")


if __name__ == "__main__":
    main()
