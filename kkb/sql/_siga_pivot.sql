-- One desa-month of siga_bulanan as columns (included where "-- include: _siga_pivot" stands; the
-- statement groups by kode_desa, periode).
           max(nilai) FILTER (WHERE ukuran = 'pus') AS pus,
           max(nilai) FILTER (WHERE ukuran = 'unmet_need') AS unmet_need,
           max(nilai) FILTER (WHERE ukuran = 'pa') AS pa,
           max(nilai) FILTER (WHERE ukuran = 'kb_modern') AS kb_modern,
           max(nilai) FILTER (WHERE ukuran = 'iud') + max(nilai) FILTER (WHERE ukuran = 'implan')
             + max(nilai) FILTER (WHERE ukuran = 'vasektomi')
             + max(nilai) FILTER (WHERE ukuran = 'tubektomi') AS kb_mkjp
