//! Diffs two files with the library alone and prints the best time of each phase over REPEAT runs to stderr, the
//! rendered diff to stdout: a profiling aid for `benches/diff_shapes.sh` pairs that builds without
//! the rest of the workspace (`cargo run --release -p wirecheck-diff --example diff_files OLD NEW
//! [word|json] [REPEAT]`).

use std::time::Instant;

use wirecheck_diff::{DiffOptions, diff_stories, format, split_paragraphs};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().collect();
    let (Some(old_path), Some(new_path)) = (args.get(1), args.get(2)) else {
        return Err("usage: diff_files OLD NEW [word|json] [REPEAT]".into());
    };
    let json = args.get(3).is_some_and(|f| f == "json");
    let repeat: usize = args.get(4).map_or(Ok(1), |r| r.parse())?;
    let old = std::fs::read_to_string(old_path)?;
    let new = std::fs::read_to_string(new_path)?;
    let mut output = String::new();
    let (mut split, mut diff, mut render) = (f64::MAX, f64::MAX, f64::MAX);
    for _ in 0..repeat {
        let start = Instant::now();
        let (old_paragraphs, new_paragraphs) = (split_paragraphs(&old), split_paragraphs(&new));
        let split_done = Instant::now();
        let story = diff_stories(
            &old,
            &old_paragraphs,
            &new,
            &new_paragraphs,
            &DiffOptions::default(),
        )?;
        let diff_done = Instant::now();
        output = if json {
            let names = format::SideNames {
                old: old_path.clone(),
                new: new_path.clone(),
            };
            format::render_json(&story, &names)
        } else {
            format::render_word(&story)
        };
        let render_done = Instant::now();
        split = split.min((split_done - start).as_secs_f64());
        diff = diff.min((diff_done - split_done).as_secs_f64());
        render = render.min((render_done - diff_done).as_secs_f64());
    }
    let per_run = |best: f64| best * 1000.0;
    eprintln!(
        "split {:.2} ms, diff {:.2} ms, render {:.2} ms",
        per_run(split),
        per_run(diff),
        per_run(render)
    );
    print!("{output}");
    Ok(())
}
