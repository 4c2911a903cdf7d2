//! Making counterpart blocks end level: each language's block may be set with one
//! passage a line longer or shorter (if no line gets loose); pick the combination
//! whose heights differ least, then the shortest, then the one costing least.

use std::rc::Rc;

use super::block::BlockSet;

/// Combinations beyond this are not searched (the best settings are used).
const MAX_COMBINATIONS: usize = 4096;

/// One choice per block (see `BlockSet::render`).
pub fn balance(blocks: &[Rc<BlockSet>]) -> Vec<Vec<usize>> {
    let options: Vec<Vec<(Vec<usize>, f64, f32)>> = blocks
        .iter()
        .map(|b| {
            b.alternatives()
                .into_iter()
                .map(|(c, cost)| {
                    let h = b.height(&c);
                    (c, cost, h)
                })
                .collect()
        })
        .collect();
    let combinations = options.iter().map(Vec::len).try_fold(1usize, |n, k| n.checked_mul(k));
    if blocks.len() < 2 || combinations.is_none_or(|n| n > MAX_COMBINATIONS) {
        return blocks.iter().map(|b| b.best_choice()).collect();
    }
    let mut best: Option<((i64, i64, f64), Vec<usize>)> = None;
    let mut pick = vec![0; blocks.len()];
    loop {
        let heights = pick.iter().zip(&options).map(|(&i, o)| o[i].2);
        let (low, high) = heights.fold((f32::MAX, f32::MIN), |(l, h), x| (l.min(x), h.max(x)));
        let cost: f64 = pick.iter().zip(&options).map(|(&i, o)| o[i].1).sum();
        // Compare heights to a tenth of a point so rounding does not decide.
        let key = (((high - low) * 10.0).round() as i64, (high * 10.0).round() as i64, cost);
        if best
            .as_ref()
            .is_none_or(|(k, _)| key.0 < k.0 || key.0 == k.0 && (key.1 < k.1 || key.1 == k.1 && key.2 < k.2))
        {
            best = Some((key, pick.clone()));
        }
        // Next combination, odometer style.
        let mut i = 0;
        loop {
            if i == pick.len() {
                let chosen = best.map(|(_, p)| p).unwrap_or_default();
                return chosen.iter().zip(options).map(|(&i, mut o)| o.swap_remove(i).0).collect();
            }
            pick[i] += 1;
            if pick[i] < options[i].len() {
                break;
            }
            pick[i] = 0;
            i += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Passage;
    use crate::layout::style::BlockStyle;
    use crate::model::{Alignment, Block, BlockContent, Rgb, Style, TextKind};
    use crate::text::FontChain;

    const EN: &str = "On 15 December workers’ and peasants’ organisations across Peru called a general \
        strike. Roads are blocked from the Andes to the coast, and the regime answers with more \
        repression. The strike shows where real power lies: with those whose labour keeps the country running.";
    const ES: &str = "El 15 de diciembre, las organizaciones obreras y campesinas de todo el Perú convocaron \
        a un paro nacional. Hay carreteras bloqueadas de la sierra a la costa, y el régimen responde con \
        más represión. El paro demuestra dónde está el verdadero poder: en quienes con su trabajo mueven el país.";

    fn set(text: &str, lang: &str, width: f32, align: Alignment, fonts: &FontChain) -> BlockSet {
        let block = Block {
            content: BlockContent::Text { kind: TextKind::Paragraph, texts: vec![], align: Some(align) },
            span: false,
            at: 0..0,
        };
        let style = Style {
            font: "Noto Sans".into(),
            font_span: None,
            size: 11.5,
            min_size: 8.0,
            max_size: 14.0,
            fit: true,
            hyphenate: true,
            fallback: vec![],
            fallback_only: false,
            accent: Rgb::BLACK,
        };
        let style = BlockStyle::of(&block, &style, 11.5);
        let passage = Passage { message: "m".into(), text: text.into(), emphasis: vec![], defined_at: None };
        BlockSet::new(
            TextKind::Paragraph,
            &style,
            Rgb::BLACK,
            &[passage],
            fonts,
            width,
            &lang.parse().unwrap(),
        )
        .unwrap()
    }

    /// Over a range of widths: balancing never makes counterparts less level, and
    /// evens them where one language can take a decent setting a line longer or
    /// shorter. Justified paragraphs of a few lines rarely can (a line more or less
    /// changes every line's spacing by a seventh); ragged ones often can.
    #[test]
    fn counterparts_end_level_where_a_decent_setting_allows() {
        let fonts = FontChain::builtin();
        let mut evened = 0;
        for (width, align) in
            (200..=280).step_by(4).flat_map(|w| [(w, Alignment::Justify), (w, Alignment::Left)])
        {
            let blocks =
                [set(EN, "en", width as f32, align, &fonts), set(ES, "es", width as f32, align, &fonts)]
                    .map(Rc::new);
            let spread = |heights: [f32; 2]| (heights[0] - heights[1]).abs();
            let natural = spread([0, 1].map(|i| blocks[i].height(&blocks[i].best_choice())));
            let choices = balance(&blocks);
            let balanced = spread([0, 1].map(|i| blocks[i].height(&choices[i])));
            assert!(balanced <= natural + 0.01, "balancing made {width} pt worse");
            if natural > 0.01 && balanced < 0.01 {
                evened += 1;
            }
        }
        assert!(evened > 0, "no width where balancing evened the two paragraphs");
    }
}
