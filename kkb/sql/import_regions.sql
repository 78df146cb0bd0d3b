-- Province and kab/kota codes: the regions a target may belong to.
SELECT kode FROM wilayah WHERE tingkat <= 2
