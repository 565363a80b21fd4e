//! The forecast as HTML: charts (SVG, each with its figures in a table beside it) and tables,
//! for the web page and the pack.
