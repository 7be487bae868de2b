// Landing page of the memtrack console. Hands the JVMs given with --memtrack.connect to Hawtio's Connect
// (which keeps its connections in localStorage['connect.connections']), asks each JVM through the console's
// proxy whether it runs the memtrack agent, and opens the console connected: on memtrack's page when the
// JVM has memtrack MBeans, on the console's first page otherwise. One JVM: straight there. Several: one
// link each; every tab keeps its own connection.
;(function () {
  'use strict'

  var STORAGE_KEY = 'connect.connections'
  var CONSOLE = 'actuator/hawtio/'
  var status = document.getElementById('status')
  var list = document.getElementById('jvms')

  function storedConnections() {
    try {
      var parsed = JSON.parse(localStorage.getItem(STORAGE_KEY) || '{}')
      return parsed && typeof parsed === 'object' ? parsed : {}
    } catch (e) {
      return {}
    }
  }

  // Same name: refresh the address and keep Hawtio's id; new name: add it under a readable id.
  function remember(connections, target) {
    var id =
      Object.keys(connections).filter(function (key) {
        return connections[key] && connections[key].name === target.name
      })[0] || 'memtrack-' + target.name
    connections[id] = { id: id, name: target.name, scheme: target.scheme, host: target.host, port: target.port, path: target.path }
    return id
  }

  function describe(target) {
    return target.scheme + '://' + target.host + ':' + target.port + target.path
  }

  // The same route Hawtio's Connect takes: <console>/proxy/<scheme>/<host>/<port><path>.
  function proxyUrl(target) {
    return CONSOLE + 'proxy/' + [target.scheme, target.host, target.port].map(encodeURIComponent).join('/') + target.path
  }

  // 'memtrack' | 'plain' (a JVM without the agent) | 'login' (its Jolokia wants credentials) | 'unreachable'
  function probe(target) {
    return fetch(proxyUrl(target), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ type: 'search', mbean: 'memtrack:*' }),
    })
      .then(function (response) {
        if (response.status === 401 || response.status === 403) {
          return { kind: 'login' }
        }
        if (!response.ok) {
          return { kind: 'unreachable', why: 'HTTP ' + response.status }
        }
        return response.json().then(function (answer) {
          if (answer.error) {
            return { kind: 'unreachable', why: answer.error }
          }
          return { kind: answer.value && answer.value.length > 0 ? 'memtrack' : 'plain' }
        })
      })
      .catch(function (error) {
        return { kind: 'unreachable', why: error.message }
      })
  }

  function destination(id, kind) {
    var page = kind === 'memtrack' ? 'memtrack/overview' : ''
    return CONSOLE + page + '?con=' + encodeURIComponent(id)
  }

  function explain(target, result) {
    switch (result.kind) {
      case 'memtrack':
        return 'memtrack agent found'
      case 'plain':
        return 'reachable, but no memtrack agent runs there (no MBeans in the memtrack domain)'
      case 'login':
        return 'its Jolokia asks for a login; the console will ask you'
      default:
        return 'not reachable at ' + describe(target) + ' (' + result.why + ')'
    }
  }

  function link(href, text, name) {
    var a = document.createElement('a')
    a.href = href
    a.textContent = text
    if (name) {
      a.target = name
    }
    return a
  }

  fetch('memtrack-console/connections', { headers: { Accept: 'application/json' } })
    .then(function (response) {
      if (!response.ok) {
        throw new Error('HTTP ' + response.status)
      }
      return response.json()
    })
    .then(function (targets) {
      var connections = storedConnections()
      var ids = targets.map(function (target) {
        return remember(connections, target)
      })
      localStorage.setItem(STORAGE_KEY, JSON.stringify(connections))
      if (targets.length === 0) {
        status.textContent =
          'No JVM was given on the command line. Start the console with ' +
          '--memtrack.connect=http://127.0.0.1:8778/jolokia/ or add one with Connect in the console.'
        return
      }
      status.textContent = 'Asking ' + (targets.length === 1 ? describe(targets[0]) : targets.length + ' JVMs') + ' for memtrack…'
      return Promise.all(targets.map(probe)).then(function (results) {
        if (targets.length === 1 && results[0].kind !== 'unreachable') {
          window.location.replace(destination(ids[0], results[0].kind))
          return
        }
        status.textContent = targets.length === 1 ? 'The JVM could not be reached:' : 'Open one JVM per tab:'
        targets.forEach(function (target, i) {
          var item = document.createElement('li')
          item.setAttribute('data-jvm', target.name)
          item.appendChild(link(destination(ids[i], results[i].kind), target.name, 'memtrack-' + target.name))
          item.appendChild(document.createTextNode(' — ' + describe(target) + ': ' + explain(target, results[i])))
          list.appendChild(item)
        })
      })
    })
    .catch(function (error) {
      status.textContent = 'Could not read the JVMs this console was started with (' + error.message + ').'
    })
})()
