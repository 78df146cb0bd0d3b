SELECT max(periode) AS periode FROM snapshot
