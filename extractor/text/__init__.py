"""Text helpers shared by several stages (find, grid, mapping, reconcile, review): amounts as printed and
cell-text spacing. They sit below every stage and import none of them."""
