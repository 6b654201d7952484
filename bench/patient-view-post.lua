-- wrk script: POST the patient-view request with a client JWT of its own per request (pre-signed tokens, one line each;
-- the two wrk threads take alternate lines so no token is used twice). bench/budget.sh fills in @BODY@ and @TOKENS@.
local tokens, n, i, body = {}, 0, 0, nil
local counter = 0
function setup(thread) thread:set("tid", counter); counter = counter + 1 end
function init(args)
  local f = io.open("@BODY@", "rb"); body = f:read("*a"); f:close()
  local k = 0
  for line in io.lines("@TOKENS@") do
    if k % 2 == tid then n = n + 1; tokens[n] = line end
    k = k + 1
  end
end
function request()
  i = i + 1
  if i > n then i = 1 end -- past the end a token is replayed and refused (401): sign enough (WRK_TOKENS)
  return wrk.format("POST", nil, {["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. tokens[i]}, body)
end
