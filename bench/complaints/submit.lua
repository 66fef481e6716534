-- wrk: POST one new report per request to /api/v1/reports/, each from its own
-- reporter email with its own text, so no limit or duplicate check refuses it.
-- The stamp (wrk's start, in seconds) keeps a later round from repeating an
-- earlier one's reporters: wrk's random numbers are the same in every run.
local threads = 0
function setup(thread)
  thread:set("tid", threads)
  threads = threads + 1
end

local stamp = 0
function init(args)
  stamp = os.time()
end

local n = 0
function request()
  n = n + 1
  local body = string.format(
    '{"kind":"pengaduan","category":"bench-submit","title":"Lampu jalan padam %d-%d",' ..
    '"description":"Lampu penerangan jalan di ruas %d-%d padam sejak pekan lalu.",' ..
    '"region":"36.73","privacy":"biasa","reporter_name":"Pelapor Bench",' ..
    '"reporter_email":"bench-%d-%d-%d@example.org"}',
    tid, n, tid, n, stamp, tid, n)
  return wrk.format("POST", nil, {["Content-Type"] = "application/json"}, body)
end
