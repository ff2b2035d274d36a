#pragma once
// The stylesheet and the quick-exit script of the website export-html writes. Both are
// ours and whole: no web fonts (the reader's own fonts, Noto first), nothing fetched.

namespace evpack {

// Colours are the kiosk's (ui/theme.h); properties are logical (inline-start, not left), so
// an Urdu page mirrors without a second stylesheet.
inline constexpr const char* kSiteCss = R"css(*, *::before, *::after { box-sizing: border-box; }
[lang] { font-family: "Noto Sans", "DejaVu Sans", sans-serif; line-height: 1.5; }
:lang(bn) { font-family: "Noto Sans Bengali", "Noto Sans", sans-serif; }
:lang(pa) { font-family: "Noto Sans Gurmukhi", "Noto Sans", sans-serif; }
:lang(ur) { font-family: "Noto Nastaliq Urdu", "Noto Naskh Arabic", "Noto Sans", serif; line-height: 2.2; }
html { background: #f7f5f0; color: #17202a; font-size: 125%; }
body { margin: 0; }
a { color: #0a5c66; text-decoration-thickness: 0.1em; text-underline-offset: 0.15em; }
a:focus { outline: 4px solid #ffdd00; outline-offset: 2px; background: #ffdd00; color: #0b0c0c; }
.skip { position: absolute; inset-inline-start: 0.5rem; top: -10rem; padding: 0.5rem 1rem; background: #ffdd00; color: #0b0c0c; z-index: 2; }
.skip:focus { top: 0.5rem; }
.bar { position: sticky; top: 0; z-index: 1; background: #0b1f33; color: #fff; padding: 0.5rem 1rem;
  display: flex; flex-wrap: wrap; align-items: center; gap: 0.5rem 1.25rem; }
.bar a { color: #fff; }
.brand { font-weight: bold; font-size: 1.2rem; }
.bar nav ul { display: flex; flex-wrap: wrap; gap: 0.5rem 1.25rem; margin: 0; padding: 0; list-style: none; }
.bar nav a { display: inline-block; min-height: 44px; padding: 0.4rem 0; }
.exit { margin-inline-start: auto; display: inline-flex; align-items: center; gap: 0.5rem; min-height: 44px;
  padding: 0.4rem 1.2rem; border-radius: 0.4rem; background: #b3261e; font-weight: bold; text-decoration: none; }
.bar .exit { color: #fff; }
.exit:hover { background: #8c1d17; }
.dot { display: inline-block; width: 0.6rem; height: 0.6rem; border-radius: 50%; border: 2px solid #fff; }
.dot.on { background: #fff; }
.exit-hint { flex-basis: 100%; margin: 0; font-size: 0.85rem; text-align: end; }
main { display: block; max-width: 42rem; margin: 0 auto; padding: 1.5rem 1rem 3rem; }
main img { display: block; max-width: 100%; height: auto; margin: 1rem auto; }
main audio { width: 100%; }
main { overflow-wrap: anywhere; }
h1, h2, h3 { hyphens: auto; }
.card .phone { overflow-wrap: normal; }
h1 { font-size: 2rem; line-height: 1.25; margin: 0.5rem 0 1.5rem; }
h2 { font-size: 1.5rem; line-height: 1.3; margin: 2rem 0 0.75rem; }
h3 { font-size: 1.25rem; margin: 1.5rem 0 0.5rem; }
:lang(ur) h1, :lang(ur) h2, :lang(ur) h3 { line-height: 2; }
li { margin-block: 0.4rem; }
.note { background: #fff4c2; border-inline-start: 6px solid #e0c000; padding: 0.75rem 1rem; }
.choices { list-style: none; padding: 0; margin: 0; display: grid; gap: 1rem; }
.choices a { display: block; min-height: 44px; padding: 1rem 1.25rem; background: #fff; border: 2px solid #6b7580;
  border-radius: 0.75rem; text-decoration: none; color: #17202a; }
.choices a:hover { border-color: #0a5c66; }
.choices .name { display: block; font-weight: bold; font-size: 1.2rem; color: #0a5c66; text-decoration: underline; }
.choices .hint { display: block; color: #3d4752; }
.help-now { display: block; margin-top: 1rem; padding: 1rem 1.25rem; min-height: 44px; border-radius: 0.75rem;
  background: #ffdd00; color: #0b0c0c; font-weight: bold; font-size: 1.2rem; text-align: center; }
.card { background: #fff; border: 2px solid #6b7580; border-radius: 0.75rem; padding: 1rem 1.25rem; margin-bottom: 1rem; }
.card h2 { margin-top: 0; }
.card .for, .card .label, .card .hours, .card .pending { color: #3d4752; margin: 0.25rem 0; }
.card .phone { font-size: 1.6rem; font-weight: bold; margin: 0 0 0.75rem; }
.card .web { font-weight: bold; }
.neutral { text-align: center; padding-top: 25vh; }
.leaving body { visibility: hidden; }
@media print {
  html { background: #fff; color: #000; font-size: 100%; }
  .skip, .bar nav, .exit, .exit-hint, audio { display: none; }
  .bar { position: static; background: none; color: #000; padding: 0; }
  .bar a, a { color: #000; }
  .card, .choices a { border-color: #000; break-inside: avoid; }
  main { max-width: none; padding: 0; }
}
)css";

// The GOV.UK "Exit this page" behaviour, the only script on the site: the exit link covers
// the page at once and replaces it in the history with the neutral page, and Shift pressed
// 3 times (each press within 5 seconds of the last; any other key starts again) does the
// same, filling a dot per press. Without scripts the exit is an ordinary link and the
// shortcut hint stays hidden, since the shortcut would not work.
inline constexpr const char* kExitScript = R"js((function () {
  var exit = document.getElementById('exit');
  var dots = exit.querySelectorAll('.dot');
  var presses = 0, timer = 0;
  document.getElementById('exit-hint').hidden = false;
  function show() {
    for (var i = 0; i < dots.length; i++) dots[i].className = i < presses ? 'dot on' : 'dot';
  }
  function leave(event) {
    if (event) event.preventDefault();
    document.documentElement.className = 'leaving';
    location.replace(exit.href);
  }
  exit.addEventListener('click', leave);
  document.addEventListener('keydown', function (event) {
    if (event.key === 'Shift' && event.repeat) return;
    clearTimeout(timer);
    if (event.key !== 'Shift') { presses = 0; show(); return; }
    presses += 1;
    show();
    if (presses === 3) { leave(); return; }
    timer = setTimeout(function () { presses = 0; show(); }, 5000);
  });
})();)js";

} // namespace evpack
