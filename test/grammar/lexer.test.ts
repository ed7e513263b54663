// Lexer: token kinds, numbers and ranges, keywords vs names, comments, highlightTokens categories.
import { describe, expect, it } from 'vitest';
import {
  highlightTokens,
  tokenCategory,
  tokenize,
  Decimal,
  DotDot,
  Ideal,
  Identifier,
  Integer,
  Let,
  LineComment,
  Plus,
  Semicolon,
  StringToken,
  LParen,
} from '../../grammar/lexer.js';

function kinds(source: string): string[] {
  return tokenize(source).tokens.map((t) => `${t.tokenType.name}:${t.image}`);
}

describe('lexer', () => {
  it('lexes a range of integers, not decimals', () => {
    expect(kinds('1..4')).toEqual(['Integer:1', 'DotDot:..', 'Integer:4']);
    expect(kinds('w[1..2, 1..3]')).toEqual([
      'Identifier:w', 'LBracket:[', 'Integer:1', 'DotDot:..', 'Integer:2', 'Comma:,',
      'Integer:1', 'DotDot:..', 'Integer:3', 'RBracket:]',
    ]);
  });

  it('lexes decimals with and without exponents', () => {
    expect(kinds('0.25 1.5e-3 1e-3 2E+10 123456789012345678901234567890')).toEqual([
      'Decimal:0.25', 'Decimal:1.5e-3', 'Decimal:1e-3', 'Decimal:2E+10', 'Integer:123456789012345678901234567890',
    ]);
  });

  it('keeps keywords apart from names that start with them', () => {
    expect(kinds('let letter format for form ideal ideal2 inx in')).toEqual([
      'Let:let', 'Identifier:letter', 'Identifier:format', 'For:for', 'Form:form', 'Ideal:ideal',
      'Identifier:ideal2', 'Identifier:inx', 'In:in',
    ]);
  });

  it('lexes every operator, longest first', () => {
    expect(kinds('== != <= >= < > = + - * / ^ .. . : , ; ( ) [ ] { }').map((k) => k.split(':')[0])).toEqual([
      'EqEq', 'NotEq', 'LtEq', 'GtEq', 'Lt', 'Gt', 'Equals', 'Plus', 'Minus', 'Star', 'Slash', 'Caret',
      'DotDot', 'Dot', 'Colon', 'Comma', 'Semicolon', 'LParen', 'RParen', 'LBracket', 'RBracket',
      'LBrace', 'RBrace',
    ]);
  });

  it('lexes strings with escapes as one token', () => {
    const r = tokenize('"a \\"quoted\\" \\\\ word\\n"');
    expect(r.errors).toEqual([]);
    expect(r.tokens).toHaveLength(1);
    expect(r.tokens[0]!.tokenType).toBe(StringToken);
  });

  it('puts comments in the comments group and tracks lines', () => {
    const r = tokenize('// one\nlet /* two\nlines */ x = 1; // three');
    expect(r.tokens.map((t) => t.image)).toEqual(['let', 'x', '=', '1', ';']);
    expect(r.groups['comments']!.map((t) => t.image)).toEqual(['// one', '/* two\nlines */', '// three']);
    const x = r.tokens[1]!;
    expect([x.startLine, x.startColumn]).toEqual([3, 10]);
  });

  it('reports unexpected characters', () => {
    const r = tokenize('let x = 1 @ 2;');
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]!.offset).toBe(10);
  });
});

describe('tokenCategory', () => {
  it('classifies token types', () => {
    expect(tokenCategory(Let)).toBe('keyword');
    expect(tokenCategory(Ideal)).toBe('keyword');
    expect(tokenCategory(Identifier)).toBe('identifier');
    expect(tokenCategory(Integer)).toBe('number');
    expect(tokenCategory(Decimal)).toBe('number');
    expect(tokenCategory(StringToken)).toBe('string');
    expect(tokenCategory(LineComment)).toBe('comment');
    expect(tokenCategory(Plus)).toBe('operator');
    expect(tokenCategory(DotDot)).toBe('operator');
    expect(tokenCategory(Semicolon)).toBe('punctuation');
    expect(tokenCategory(LParen)).toBe('punctuation');
  });
});

describe('highlightTokens', () => {
  it('covers every token, comments included, in order', () => {
    const source = 'let x = 2.5 + f("s"); // done';
    const h = highlightTokens(source);
    expect(h.map((t) => [source.slice(t.start, t.end), t.category])).toEqual([
      ['let', 'keyword'], ['x', 'identifier'], ['=', 'operator'], ['2.5', 'number'], ['+', 'operator'],
      ['f', 'identifier'], ['(', 'punctuation'], ['"s"', 'string'], [')', 'punctuation'], [';', 'punctuation'],
      ['// done', 'comment'],
    ]);
  });

  it('colours a declaration word as a keyword only where it declares', () => {
    const source = 'ideal I = ideal(f); let form = 1;';
    const h = highlightTokens(source).map((t) => [source.slice(t.start, t.end), t.category]);
    expect(h[0]).toEqual(['ideal', 'keyword']);
    expect(h[3]).toEqual(['ideal', 'identifier']);
    expect(h.find(([text]) => text === 'form')).toEqual(['form', 'identifier']);
  });

  it('covers multi-line comments and skips unknown characters', () => {
    const source = '/* a\nb */ x @ y';
    const h = highlightTokens(source);
    expect(h.map((t) => source.slice(t.start, t.end))).toEqual(['/* a\nb */', 'x', 'y']);
    expect(h[0]!.category).toBe('comment');
  });
});
