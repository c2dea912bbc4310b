//! The formulas of Vale's `metric` rules: arithmetic over named counts, in the expression syntax
//! of Tengo, the script language Vale evaluates them in. Numbers are integers or floats as Tengo
//! has them (`7 / 2` is 3, `7 / 2.0` 3.5; a count is a float), with `+ - * / %`, comparisons,
//! `&& || !`, parentheses, and `math.<function>(…)` / `math.pi`, `math.e`. A formula is parsed and
//! type-checked when its rule loads, so that a bad one is an error naming the rule rather than a
//! failure in the middle of a run.

use std::fmt;

/// A value of a formula.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) enum Value {
    /// An integer, from an integer literal.
    Int(i64),
    /// A float: a count, or what a float makes of an integer.
    Float(f64),
    /// The result of a comparison.
    Bool(bool),
}

impl Value {
    /// The value as a number; `None` for a Boolean.
    pub(super) fn as_f64(self) -> Option<f64> {
        match self {
            Value::Int(i) => Some(i as f64),
            Value::Float(f) => Some(f),
            Value::Bool(_) => None,
        }
    }
}

impl fmt::Display for Value {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Value::Int(i) => write!(f, "{i}"),
            Value::Float(x) => write!(f, "{x}"),
            Value::Bool(b) => write!(f, "{b}"),
        }
    }
}

/// A parsed formula.
#[derive(Clone, Debug, PartialEq)]
pub(super) enum Expr {
    Number(Value),
    Variable(String),
    Unary(char, Box<Expr>),
    Binary(&'static str, Box<Expr>, Box<Expr>),
    Call(String, Vec<Expr>),
}

/// What a formula names: its variables, in the order first seen.
impl Expr {
    pub(super) fn variables(&self) -> Vec<&str> {
        let mut names = Vec::new();
        self.collect_variables(&mut names);
        names
    }

    fn collect_variables<'e>(&'e self, names: &mut Vec<&'e str>) {
        match self {
            Expr::Number(_) => {}
            Expr::Variable(name) => {
                if !names.contains(&name.as_str()) {
                    names.push(name);
                }
            }
            Expr::Unary(_, e) => e.collect_variables(names),
            Expr::Binary(_, a, b) => {
                a.collect_variables(names);
                b.collect_variables(names);
            }
            Expr::Call(_, args) => args.iter().for_each(|a| a.collect_variables(names)),
        }
    }

    /// The value of the formula, each variable's value given by `lookup`.
    pub(super) fn eval(&self, lookup: &dyn Fn(&str) -> Option<f64>) -> Result<Value, String> {
        match self {
            Expr::Number(v) => Ok(*v),
            Expr::Variable(name) => lookup(name)
                .map(Value::Float)
                .ok_or_else(|| format!("unknown variable '{name}'")),
            Expr::Unary(op, e) => match (op, e.eval(lookup)?) {
                ('-', Value::Int(i)) => Ok(Value::Int(i.wrapping_neg())),
                ('-', Value::Float(f)) => Ok(Value::Float(-f)),
                ('+', v @ (Value::Int(_) | Value::Float(_))) => Ok(v),
                ('!', Value::Bool(b)) => Ok(Value::Bool(!b)),
                (op, v) => Err(format!("'{op}' cannot apply to {v}")),
            },
            Expr::Binary(op, a, b) => {
                let a = a.eval(lookup)?;
                // `&&` and `||` read their right side only when they need it, as Tengo does.
                match (*op, a) {
                    ("&&", Value::Bool(false)) => return Ok(Value::Bool(false)),
                    ("||", Value::Bool(true)) => return Ok(Value::Bool(true)),
                    _ => {}
                }
                binary(op, a, b.eval(lookup)?)
            }
            Expr::Call(name, args) => {
                let values = args
                    .iter()
                    .map(|a| {
                        a.eval(lookup)?
                            .as_f64()
                            .ok_or_else(|| format!("math.{name} takes numbers"))
                    })
                    .collect::<Result<Vec<f64>, String>>()?;
                call(name, &values).map(Value::Float)
            }
        }
    }
}

fn binary(op: &str, a: Value, b: Value) -> Result<Value, String> {
    use Value::{Bool, Float, Int};
    let type_error = || format!("'{op}' cannot apply to {a} and {b}");
    match (a, b) {
        (Bool(x), Bool(y)) => match op {
            "&&" => Ok(Bool(x && y)),
            "||" => Ok(Bool(x || y)),
            "==" => Ok(Bool(x == y)),
            "!=" => Ok(Bool(x != y)),
            _ => Err(type_error()),
        },
        (Int(x), Int(y)) => match op {
            "+" => Ok(Int(x.wrapping_add(y))),
            "-" => Ok(Int(x.wrapping_sub(y))),
            "*" => Ok(Int(x.wrapping_mul(y))),
            "/" | "%" if y == 0 => Err("division by zero".to_owned()),
            "/" => Ok(Int(x.wrapping_div(y))),
            "%" => Ok(Int(x.wrapping_rem(y))),
            _ => compare(op, x as f64, y as f64).ok_or_else(type_error),
        },
        (Int(_) | Float(_), Int(_) | Float(_)) => {
            let (x, y) = (
                a.as_f64().unwrap_or_default(),
                b.as_f64().unwrap_or_default(),
            );
            match op {
                "+" => Ok(Float(x + y)),
                "-" => Ok(Float(x - y)),
                "*" => Ok(Float(x * y)),
                "/" => Ok(Float(x / y)),
                _ => compare(op, x, y).ok_or_else(type_error),
            }
        }
        _ => Err(type_error()),
    }
}

fn compare(op: &str, x: f64, y: f64) -> Option<Value> {
    Some(Value::Bool(match op {
        "<" => x < y,
        ">" => x > y,
        "<=" => x <= y,
        ">=" => x >= y,
        "==" => x == y,
        "!=" => x != y,
        _ => return None,
    }))
}

/// The functions of Tengo's `math` module that formulas use.
fn call(name: &str, args: &[f64]) -> Result<f64, String> {
    let one = |f: fn(f64) -> f64| match args {
        [x] => Ok(f(*x)),
        _ => Err(format!("math.{name} takes one number")),
    };
    let two = |f: fn(f64, f64) -> f64| match args {
        [x, y] => Ok(f(*x, *y)),
        _ => Err(format!("math.{name} takes two numbers")),
    };
    match name {
        "abs" => one(f64::abs),
        "ceil" => one(f64::ceil),
        "floor" => one(f64::floor),
        "round" => one(f64::round),
        "trunc" => one(f64::trunc),
        "sqrt" => one(f64::sqrt),
        "cbrt" => one(f64::cbrt),
        "exp" => one(f64::exp),
        "log" => one(f64::ln),
        "log10" => one(f64::log10),
        "log2" => one(f64::log2),
        "pow" => two(f64::powf),
        "max" => two(f64::max),
        "min" => two(f64::min),
        _ => Err(format!("math.{name} is not a function wirecheck knows")),
    }
}

/// Parses `text` as a formula.
pub(super) fn parse(text: &str) -> Result<Expr, String> {
    let tokens = tokenize(text)?;
    let mut parser = Parser { tokens, at: 0 };
    let expr = parser.expr(0)?;
    match parser.tokens.get(parser.at) {
        None => Ok(expr),
        Some(token) => Err(format!("unexpected '{token}'")),
    }
}

#[derive(Clone, Debug, PartialEq)]
enum Token {
    Number(Value),
    Name(String),
    Op(&'static str),
}

impl fmt::Display for Token {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Token::Number(v) => write!(f, "{v}"),
            Token::Name(n) => f.write_str(n),
            Token::Op(op) => f.write_str(op),
        }
    }
}

const OPERATORS: &[&str] = &[
    "&&", "||", "<=", ">=", "==", "!=", "<", ">", "+", "-", "*", "/", "%", "!", "(", ")", ",",
];

fn tokenize(text: &str) -> Result<Vec<Token>, String> {
    let mut tokens = Vec::new();
    let mut rest = text.trim_start();
    while let Some(c) = rest.chars().next() {
        let len = if c.is_ascii_digit()
            || (c == '.' && rest[1..].starts_with(|d: char| d.is_ascii_digit()))
        {
            let len = rest
                .find(|d: char| !(d.is_ascii_digit() || d == '.'))
                .unwrap_or(rest.len());
            let literal = &rest[..len];
            let value = if literal.contains('.') {
                literal.parse::<f64>().ok().map(Value::Float)
            } else {
                literal.parse::<i64>().ok().map(Value::Int)
            };
            tokens.push(Token::Number(
                value.ok_or_else(|| format!("'{literal}' is not a number"))?,
            ));
            len
        } else if c.is_alphabetic() || c == '_' {
            // A name, with `math.` before a function or constant.
            let len = rest
                .find(|d: char| !(d.is_alphanumeric() || d == '_' || d == '.'))
                .unwrap_or(rest.len());
            tokens.push(Token::Name(rest[..len].to_owned()));
            len
        } else if let Some(op) = OPERATORS.iter().find(|op| rest.starts_with(**op)) {
            tokens.push(Token::Op(op));
            op.len()
        } else {
            return Err(format!("unexpected '{c}'"));
        };
        rest = rest[len..].trim_start();
    }
    Ok(tokens)
}

struct Parser {
    tokens: Vec<Token>,
    at: usize,
}

/// Binary operators by binding strength, weakest first, as in Tengo (and Go).
fn precedence(op: &str) -> Option<u8> {
    Some(match op {
        "||" => 1,
        "&&" => 2,
        "==" | "!=" | "<" | "<=" | ">" | ">=" => 3,
        "+" | "-" => 4,
        "*" | "/" | "%" => 5,
        _ => return None,
    })
}

impl Parser {
    fn next(&mut self) -> Option<Token> {
        let token = self.tokens.get(self.at).cloned();
        self.at += 1;
        token
    }

    fn peek_op(&self) -> Option<&'static str> {
        match self.tokens.get(self.at) {
            Some(Token::Op(op)) => Some(op),
            _ => None,
        }
    }

    /// An expression whose binary operators bind more strongly than `min`.
    fn expr(&mut self, min: u8) -> Result<Expr, String> {
        let mut left = self.unary()?;
        while let Some(op) = self.peek_op() {
            let Some(strength) = precedence(op).filter(|s| *s > min) else {
                break;
            };
            self.at += 1;
            let right = self.expr(strength)?;
            left = Expr::Binary(op, Box::new(left), Box::new(right));
        }
        Ok(left)
    }

    fn unary(&mut self) -> Result<Expr, String> {
        match self.next() {
            Some(Token::Op(op @ ("-" | "+" | "!"))) => {
                let c = op.chars().next().unwrap_or('-');
                Ok(Expr::Unary(c, Box::new(self.unary()?)))
            }
            Some(Token::Op("(")) => {
                let inner = self.expr(0)?;
                self.expect(")")?;
                Ok(inner)
            }
            Some(Token::Number(v)) => Ok(Expr::Number(v)),
            Some(Token::Name(name)) => self.name(name),
            Some(token) => Err(format!("unexpected '{token}'")),
            None => Err("the formula ends too soon".to_owned()),
        }
    }

    fn name(&mut self, name: String) -> Result<Expr, String> {
        let Some(member) = name.strip_prefix("math.") else {
            if name.contains('.') {
                return Err(format!("unknown name '{name}'"));
            }
            return Ok(Expr::Variable(name));
        };
        match member {
            "pi" => return Ok(Expr::Number(Value::Float(std::f64::consts::PI))),
            "e" => return Ok(Expr::Number(Value::Float(std::f64::consts::E))),
            _ => {}
        }
        self.expect("(")?;
        let mut args = Vec::new();
        if self.peek_op() == Some(")") {
            self.at += 1;
        } else {
            loop {
                args.push(self.expr(0)?);
                match self.next() {
                    Some(Token::Op(")")) => break,
                    Some(Token::Op(",")) => {}
                    _ => return Err(format!("math.{member}( is not closed")),
                }
            }
        }
        // Check the function and its arity now, not when a story is checked.
        call(member, &vec![1.0; args.len()])?;
        Ok(Expr::Call(member.to_owned(), args))
    }

    fn expect(&mut self, op: &str) -> Result<(), String> {
        match self.next() {
            Some(Token::Op(found)) if found == op => Ok(()),
            Some(token) => Err(format!("expected '{op}', found '{token}'")),
            None => Err(format!("expected '{op}' at the end")),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn eval(text: &str, vars: &[(&str, f64)]) -> Result<Value, String> {
        let lookup = |name: &str| vars.iter().find(|(n, _)| *n == name).map(|(_, v)| *v);
        parse(text)?.eval(&lookup)
    }

    #[test]
    fn arithmetic_follows_precedence_and_tengo_number_types() {
        assert_eq!(eval("1 + 2 * 3", &[]), Ok(Value::Int(7)));
        assert_eq!(eval("(1 + 2) * 3", &[]), Ok(Value::Int(9)));
        assert_eq!(eval("7 / 2", &[]), Ok(Value::Int(3)));
        assert_eq!(eval("7 / 2.0", &[]), Ok(Value::Float(3.5)));
        assert_eq!(eval("10 - 4 - 3", &[]), Ok(Value::Int(3)));
        assert_eq!(eval("-2 * -x", &[("x", 1.5)]), Ok(Value::Float(3.0)));
        assert_eq!(
            eval("words / sentences", &[("words", 30.0), ("sentences", 4.0)]),
            Ok(Value::Float(7.5))
        );
        assert_eq!(eval("math.sqrt(16) + 1", &[]), Ok(Value::Float(5.0)));
        assert_eq!(eval("math.pow(2, 10)", &[]), Ok(Value::Float(1024.0)));
    }

    #[test]
    fn conditions_compare_and_combine() {
        assert_eq!(eval("3.500000 > 3", &[]), Ok(Value::Bool(true)));
        assert_eq!(eval("2.000000 <= 1 || 1 == 1", &[]), Ok(Value::Bool(true)));
        assert_eq!(eval("!(1 < 2) && 1 > 0", &[]), Ok(Value::Bool(false)));
    }

    #[test]
    fn bad_formulas_are_errors_not_panics() {
        for bad in [
            "",
            "1 +",
            "(1",
            "1 2",
            "words $ 2",
            "math.sqrt(1, 2)",
            "math.nope(1)",
            "1 / 0",
            "1 % 0",
            "1 + (2 > 1)",
            "x.y",
            "math.sqrt(1",
        ] {
            assert!(eval(bad, &[]).is_err(), "{bad:?}");
        }
        assert_eq!(
            eval("words + 1", &[]),
            Err("unknown variable 'words'".to_owned())
        );
    }

    proptest! {
        #[test]
        fn any_text_parses_or_fails_without_panicking(text in ".{0,40}") {
            let _ = parse(&text).map(|e| e.eval(&|_| Some(1.0)));
        }

        #[test]
        fn addition_of_counts_commutes(a in 0.0..1e6_f64, b in 0.0..1e6_f64) {
            let vars = [("a", a), ("b", b)];
            prop_assert_eq!(eval("a + b", &vars), eval("b + a", &vars));
        }
    }
}
