-- wrk script: POST /v1/jobs with a fresh Idempotency-Key per request.
local counter = 0
local thread_id = tostring(math.random(1, 1e9))
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"type":"data_collection","description":"Benchmark job","files_needed":10,' ..
    '"accepted_formats":["image/jpeg"],"price_per_file_cents":50}'

request = function()
    counter = counter + 1
    wrk.headers["Idempotency-Key"] = "bench-" .. thread_id .. "-" .. counter
    return wrk.format()
end
