-- wrk: POST one new report per request to /api/v1/reports/, each from its own
-- reporter email with its own text, so no limit or duplicate check refuses it.
local threads = 0
function setup(thread)
  thread:set("tid", threads)
  threads = threads + 1
end

local n = 0
function request()
  n = n + 1
  local body = string.format(
    '{"kind":"pengaduan","category":"bench-submit","title":"Lampu jalan padam %d-%d",' ..
    '"description":"Lampu penerangan jalan di ruas %d-%d padam sejak pekan lalu.",' ..
    '"region":"36.73","privacy":"biasa","reporter_name":"Pelapor Bench",' ..
    '"reporter_email":"bench-%d-%d-%d@example.org"}',
    tid, n, tid, n, tid, n, math.random(1, 1000000000))
  return wrk.format("POST", nil, {["Content-Type"] = "application/json"}, body)
end
